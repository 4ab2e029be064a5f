import * as OpenCC from 'opencc-js/cn2t'

/** The folder the Traditional copy of the site lives in. */
export const TRADITIONAL_PREFIX = '/zh-hant'

export type Convert = (text: string) => string

/**
 * Simplified → Traditional (Taiwan standard characters). The cn2t tables are
 * about 1 MB, so they run here at build time and never reach a browser.
 */
export function traditionalConverter(): Convert {
  return OpenCC.Converter({ from: 'cn', to: 'tw' })
}

function routeOf(url: string): string {
  return url.replace(/[?#].*$/, '')
}

/**
 * The Traditional copy of one Simplified page. Text is converted whole (tags
 * and URLs are ASCII, so conversion leaves them alone), then the page is
 * made to point at Traditional pages: links to any Simplified page gain the
 * /zh-hant prefix, canonical and og:url name the Traditional URL, the
 * language switch leads back, and `lang` says zh-Hant.
 */
export function toTraditional(html: string, options: { routes: Set<string>; site: string; convert: Convert }): string {
  const origin = new URL(options.site).origin
  const isPage = (url: string) => options.routes.has(routeOf(url))
  let page = options.convert(html)
  page = page.replace('<html lang="zh-Hans"', '<html lang="zh-Hant"')
  page = page.replace(/(\s(?:href|action)=")(\/[^"]*)"/g, (match, start: string, url: string) => (isPage(url) ? `${start}${TRADITIONAL_PREFIX}${url}"` : match))
  const absolute = new RegExp(`"${origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/[^"]*)"`, 'g')
  page = page.replace(absolute, (match, url: string) => (isPage(url) ? `"${origin}${TRADITIONAL_PREFIX}${url}"` : match))
  // The hreflang alternates must keep naming the Simplified page.
  page = page.replace(
    /(hreflang="(?:zh-Hans|x-default)" href=")([^"]*)"/g,
    (_match, start: string, url: string) => `${start}${url.replace(`${origin}${TRADITIONAL_PREFIX}/`, `${origin}/`)}"`,
  )
  page = page.replace('<meta property="og:locale" content="zh_CN"', '<meta property="og:locale" content="zh_TW"')
  page = page.replaceAll('"inLanguage":"zh-Hans"', '"inLanguage":"zh-Hant"')
  page = page.replace(
    /<a class="lang-switch" href="\/zh-hant(\/[^"]*)"[^>]*>[^<]*<\/a>/,
    (_match, route: string) => `<a class="lang-switch" href="${route}" lang="zh-Hans" hreflang="zh-Hans">简体中文</a>`,
  )
  return page
}
