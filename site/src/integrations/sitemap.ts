import { TRADITIONAL_PREFIX } from './traditional.ts'

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * sitemap.xml for every indexable Simplified route and its Traditional copy,
 * each entry naming both language versions (hreflang alternates).
 */
export function sitemapXml(routes: string[], site: string): string {
  const urlOf = (route: string) => escapeXml(new URL(route, site).toString())
  const entries = routes.flatMap((route) => {
    const alternates = [
      `<xhtml:link rel="alternate" hreflang="zh-Hans" href="${urlOf(route)}"/>`,
      `<xhtml:link rel="alternate" hreflang="zh-Hant" href="${urlOf(`${TRADITIONAL_PREFIX}${route}`)}"/>`,
    ].join('')
    return [route, `${TRADITIONAL_PREFIX}${route}`].map((loc) => `<url><loc>${urlOf(loc)}</loc>${alternates}</url>`)
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`
}
