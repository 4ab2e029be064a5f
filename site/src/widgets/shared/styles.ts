import { h } from './dom.ts'
import { stylesheetHref } from './scriptSource.ts'

// The minified contents of widget.css, put in by the bundler (site/src/integrations/widgetBundle.ts).
declare const __GONGYU_WIDGET_CSS__: string

let shared: CSSStyleSheet | undefined

/**
 * Styles a shadow root. One constructable stylesheet is shared by every
 * widget on the page; CSP `style-src` does not govern it, so a host with a
 * strict policy needs nothing for styles. Older browsers get a <link> to
 * the same CSS, which needs the Gongyu origin in `style-src`.
 */
export function adoptStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!shared) {
      shared = new CSSStyleSheet()
      shared.replaceSync(__GONGYU_WIDGET_CSS__)
    }
    root.adoptedStyleSheets = [shared]
  } else if (stylesheetHref) {
    root.append(h('link', { rel: 'stylesheet', href: stylesheetHref }))
  }
}
