// Added by gongyuIntegration for builds: hands each page Astro prerenders, as it is rendered, to the
// build's TraditionalStream, which writes its Traditional copy on another core while the next pages render.
// The stream lives in the integration's own module graph (this file is bundled apart, into Astro's prerender
// chunk), so the two meet through a process-wide slot; without one (astro dev) pages pass through untouched.
import type { MiddlewareHandler } from 'astro'
import { RENDERED_PAGE_SINK, type RenderedPageSink } from './renderedPageSink.ts'

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next()
  const sink = (globalThis as { [RENDERED_PAGE_SINK]?: RenderedPageSink })[RENDERED_PAGE_SINK]
  if (!sink || !context.isPrerendered || !response.body || !response.headers.get('content-type')?.startsWith('text/html')) return response
  const html = new Uint8Array(await response.arrayBuffer())
  // The stream takes over a copy (sent to a worker thread); Astro writes these very bytes.
  sink(context.url.pathname, html.slice())
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers })
}
