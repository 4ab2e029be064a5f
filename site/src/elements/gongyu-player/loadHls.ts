import type HlsType from 'hls.js'

/** The hls.js class, from either build. */
export type HlsClass = typeof HlsType

let light: Promise<HlsClass> | undefined
let full: Promise<HlsClass> | undefined

/**
 * hls.js/light (about 115 KB gzip against 180 KB for the full build): the
 * CMS muxes the sound into every rendition, so alternate-audio support, which
 * only the full build has, is not needed. One import per page, shared by a
 * preload and the press of play. A failed import is forgotten, so a retry
 * (pressing play again) tries the network again.
 */
export function loadHlsLight(): Promise<HlsClass> {
  light ??= import('hls.js/light').then(
    (module) => module.default,
    (error: unknown) => {
      light = undefined
      throw error
    },
  )
  return light
}

/** The full build, only for a ladder transcoded before the sound was muxed (a separate EXT-X-MEDIA audio group). */
export function loadHlsFull(): Promise<HlsClass> {
  full ??= import('hls.js').then(
    (module) => module.default,
    (error: unknown) => {
      full = undefined
      throw error
    },
  )
  return full
}

/** Whether a master playlist's variants take their sound from a separate audio group, which hls.js/light would leave silent. */
export function needsAlternateAudio(levels: readonly { audioGroups?: (string | undefined)[] | undefined }[]): boolean {
  return levels.some((level) => (level.audioGroups ?? []).some((group) => group !== undefined))
}

/** Whether the browser asks to save data (Save-Data, the browsers' 省流量 modes). */
function savesData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true
}

/**
 * Fetches hls.js/light once `target` (the play button) comes into view, so
 * that pressing play waits for the video alone; never when the browser asks
 * to save data, where the code waits for play. Returns a function that stops waiting.
 */
export function preloadHlsLightWhenVisible(target: Element): () => void {
  if (savesData() || typeof IntersectionObserver === 'undefined') return () => undefined
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return
    observer.disconnect()
    // A failed preload is tried again, and reported, when play is pressed.
    loadHlsLight().catch(() => undefined)
  })
  observer.observe(target)
  return () => observer.disconnect()
}
