import { FRAME_HEIGHT_RANGE, HEIGHT_MESSAGE } from './heightMessage.ts'

/**
 * Host side of the iframe variant: sizes `<iframe data-gongyu-embed>` to
 * the height its embed page reports. A message counts only when it comes
 * from the Gongyu origin and from the very frame it resizes; anything
 * else (another frame, the host page itself, a look-alike message) is ignored.
 */
export function listenForFrameHeights(gongyuOrigin: string): void {
  window.addEventListener('message', (event) => {
    if (event.origin !== gongyuOrigin) return
    const data: unknown = event.data
    if (typeof data !== 'object' || data === null) return
    const { type, height } = data as { type?: unknown; height?: unknown }
    if (type !== HEIGHT_MESSAGE || typeof height !== 'number' || !Number.isFinite(height)) return
    for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-gongyu-embed]')) {
      if (frame.contentWindow !== event.source || new URL(frame.src, document.baseURI).origin !== gongyuOrigin) continue
      frame.height = String(Math.min(FRAME_HEIGHT_RANGE.max, Math.max(FRAME_HEIGHT_RANGE.min, Math.ceil(height))))
    }
  })
}
