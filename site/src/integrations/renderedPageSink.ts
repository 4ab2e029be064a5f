/** Where traditionalMiddleware finds the build's TraditionalStream: a process-wide slot, set for the pages' generation. */
export const RENDERED_PAGE_SINK = Symbol.for('gongyu.site.renderedPageSink')

/** Takes one page Astro rendered: its URL path and HTML bytes (which it may keep). */
export type RenderedPageSink = (pathname: string, html: Uint8Array) => void
