import { describe, expect, it } from 'vitest'
import { prefersNativeHls, type HlsSupport } from './nativeHls.ts'

const UA = {
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  iphoneChrome:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  ipadAsMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  macChrome: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
  androidChrome: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36',
  linuxChromium: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
}

const support = (userAgent: string, overrides: Partial<HlsSupport> = {}): HlsSupport => ({
  canPlayHlsType: true,
  hasMediaSource: true,
  userAgent,
  maxTouchPoints: 0,
  ...overrides,
})

describe('choosing the browser’s own HLS or hls.js', () => {
  it('uses Safari’s own HLS on iPhone (any iOS browser), iPad and Mac Safari', () => {
    expect(prefersNativeHls(support(UA.iphone, { hasMediaSource: false }))).toBe(true)
    expect(prefersNativeHls(support(UA.iphone))).toBe(true)
    expect(prefersNativeHls(support(UA.iphoneChrome))).toBe(true)
    expect(prefersNativeHls(support(UA.ipadAsMac, { maxTouchPoints: 5 }))).toBe(true)
    expect(prefersNativeHls(support(UA.macSafari))).toBe(true)
  })

  it('uses hls.js in Chrome on desktop and Android, even though Chrome now answers “maybe” for HLS', () => {
    expect(prefersNativeHls(support(UA.macChrome))).toBe(false)
    expect(prefersNativeHls(support(UA.androidChrome))).toBe(false)
    expect(prefersNativeHls(support(UA.linuxChromium))).toBe(false)
  })

  it('uses the browser’s HLS wherever there is no MediaSource for hls.js, and never where the browser cannot play HLS', () => {
    expect(prefersNativeHls(support(UA.androidChrome, { hasMediaSource: false }))).toBe(true)
    expect(prefersNativeHls(support(UA.iphone, { canPlayHlsType: false }))).toBe(false)
  })
})
