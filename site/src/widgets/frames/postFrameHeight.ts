// The script of the embed pages (/embed/…): the page itself is static HTML
// that works without it. This applies the `count` and `layout` options from
// the frame's query string and reports the content height to the parent.
import { HEIGHT_MESSAGE } from './heightMessage.ts'

const root = document.querySelector<HTMLElement>('[data-embed-root]')

function applyOptions(options: URLSearchParams, container: HTMLElement): void {
  const section = container.querySelector('section')
  if (section && options.get('layout') === 'cards') section.className = 'cards'
  const count = Number.parseInt(options.get('count') ?? '', 10)
  if (count > 0) {
    const items = container.querySelectorAll<HTMLElement>('ol > li')
    for (let index = 0; index < items.length; index += 1) {
      const item = items[index]
      if (item) item.hidden = index >= count
    }
  }
}

if (root) {
  applyOptions(new URLSearchParams(window.location.search), root)
  if (window.parent !== window) {
    let last = 0
    const report = () => {
      const height = Math.ceil(root.getBoundingClientRect().height)
      if (height === last) return
      last = height
      // Target '*': a frame cannot learn its parent's origin in every browser, the height is
      // no secret, and frame-ancestors already decides which sites may show this page at all.
      window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*')
    }
    new ResizeObserver(report).observe(root)
    report()
  }
}
