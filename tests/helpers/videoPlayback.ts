import type { CDPSession, Page } from 'playwright-core'

/** One request the page made, with when (ms since recording began) and, once finished, the bytes it took on the wire. */
export interface SeenRequest {
  url: string
  path: string
  at: number
  bytes: number
  /** Bytes received so far, including a response still arriving (headers excluded until it finishes). */
  received: number
}

/**
 * Records a page's network requests through the DevTools protocol, with
 * each response's encoded (on-the-wire) length, so tests can say what was
 * fetched before and after a click and benchmarks can count bytes.
 */
export async function recordNetwork(page: Page): Promise<{ requests: SeenRequest[]; session: CDPSession; mark: () => number }> {
  const session = await page.context().newCDPSession(page)
  await session.send('Network.enable')
  const started = performance.now()
  const requests: SeenRequest[] = []
  const byId = new Map<string, SeenRequest>()
  session.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (!request.url.startsWith('http')) return
    const seen = { url: request.url, path: new URL(request.url).pathname, at: performance.now() - started, bytes: 0, received: 0 }
    requests.push(seen)
    byId.set(requestId, seen)
  })
  session.on('Network.dataReceived', ({ requestId, encodedDataLength }) => {
    const seen = byId.get(requestId)
    if (seen) seen.received += encodedDataLength
  })
  session.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const seen = byId.get(requestId)
    if (seen) {
      seen.bytes = encodedDataLength
      seen.received = Math.max(seen.received, encodedDataLength)
    }
  })
  return { requests, session, mark: () => requests.length }
}

/** Paths of HLS files (playlists, init and media segments) among `requests`. */
export function mediaPaths(requests: SeenRequest[]): string[] {
  return requests.map((request) => request.path).filter((path) => /\.(m3u8|m4s)$|\/init_\d+\.mp4$/.test(path))
}

/** Whether a request is for an hls.js chunk the player imports: hls.js/light, or the full build for an older ladder. */
export const isHlsChunk = (request: SeenRequest): boolean => /\/_astro\/hls\.[^/]+\.js$/.test(request.path)

/** Whether a request is for the hls.js/light chunk, the one the player normally uses. */
export const isHlsLightChunk = (request: SeenRequest): boolean => /\/_astro\/hls\.light\.[^/]+\.js$/.test(request.path)

/** The player's <video> state, read in the page. */
export function videoState(page: Page): Promise<{ currentTime: number; paused: boolean; videoWidth: number; readyState: number; currentSrc: string } | null> {
  return page.evaluate(() => {
    const video = document.querySelector('gongyu-player video')
    if (!(video instanceof HTMLVideoElement)) return null
    return { currentTime: video.currentTime, paused: video.paused, videoWidth: video.videoWidth, readyState: video.readyState, currentSrc: video.currentSrc }
  })
}

/** Waits until the player's video has played past `seconds`. */
export async function waitForPlayback(page: Page, seconds: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (target) => {
      const video = document.querySelector('gongyu-player video')
      return video instanceof HTMLVideoElement && !video.paused && video.currentTime > target
    },
    seconds,
    { timeout, polling: 100 },
  )
}

/**
 * Arms the page to time the start: the moment the play button is clicked,
 * and the first `playing` event and first presented frame
 * (requestVideoFrameCallback) of the video the player creates. Read the
 * result with `startTimings` after clicking.
 */
export async function armStartTimer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const timings: Record<string, number> = {}
    Object.assign(window, { __playerTimings: timings })
    document.addEventListener(
      'click',
      () => {
        timings.click ??= performance.now()
      },
      { capture: true },
    )
    new MutationObserver((_changes, observer) => {
      const video = document.querySelector('gongyu-player video')
      if (!(video instanceof HTMLVideoElement)) return
      observer.disconnect()
      video.addEventListener(
        'playing',
        () => {
          timings.playing ??= performance.now()
        },
        { once: true },
      )
      video.requestVideoFrameCallback(() => {
        timings.firstFrame ??= performance.now()
      })
    }).observe(document.body, { childList: true, subtree: true })
  })
}

/** Milliseconds from the click to the first `playing` event and to the first frame; waits for both. */
export async function startTimings(page: Page, timeout = 60_000): Promise<{ playingMs: number; firstFrameMs: number }> {
  const handle = await page.waitForFunction(
    () => {
      const timings = (window as unknown as { __playerTimings?: Record<string, number> }).__playerTimings
      return timings?.click !== undefined && timings.playing !== undefined && timings.firstFrame !== undefined ? timings : null
    },
    undefined,
    { timeout, polling: 50 },
  )
  const timings = (await handle.jsonValue()) as Record<string, number>
  const since = (key: string) => Math.round((timings[key] as number) - (timings.click as number))
  return { playingMs: since('playing'), firstFrameMs: since('firstFrame') }
}
