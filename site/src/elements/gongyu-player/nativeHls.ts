/** What the browser says about playing HLS, gathered once so the choice can be tested without a browser. */
export interface HlsSupport {
  /** `video.canPlayType('application/vnd.apple.mpegurl')` is not empty. */
  canPlayHlsType: boolean
  /** MediaSource or ManagedMediaSource exists, so hls.js can run. */
  hasMediaSource: boolean
  userAgent: string
  maxTouchPoints: number
}

/** iPhone, iPod, iPad (which may call itself a Mac, but has a touch screen) and desktop Safari. */
function isAppleWebKit({ userAgent, maxTouchPoints }: HlsSupport): boolean {
  if (/iP(?:hone|od|ad)/.test(userAgent)) return true
  if (!/Macintosh/.test(userAgent)) return false
  if (maxTouchPoints > 1) return true
  return /Version\/[\d.]+ .*Safari\//.test(userAgent) && !/Chrome|Chromium|Edg\/|Firefox/.test(userAgent)
}

/**
 * Whether to hand the playlist to the browser instead of hls.js. Safari and
 * every iOS browser play HLS themselves, reliably, and older iPhones have no
 * MediaSource at all. Chrome now also answers "maybe" for HLS on desktop and
 * Android, but there hls.js (with its lowest-rung start and the quality
 * menu) is the tested path, so a "maybe" alone is not enough.
 */
export function prefersNativeHls(support: HlsSupport): boolean {
  if (!support.canPlayHlsType) return false
  return !support.hasMediaSource || isAppleWebKit(support)
}

/** Reads HlsSupport from this browser. */
export function browserHlsSupport(): HlsSupport {
  return {
    canPlayHlsType: document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '',
    hasMediaSource: 'MediaSource' in window || 'ManagedMediaSource' in window,
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints,
  }
}
