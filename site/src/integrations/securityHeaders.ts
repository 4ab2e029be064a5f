import { readSiteConfig, type SiteEnvironment } from '../config.ts'
import { READING_SCRIPT_HASH } from '../lib/readingComfort.ts'
import { cspOrigin, type HeaderRule } from './embedHeaders.ts'

/** Headers every response of the site carries, whatever its path. */
export const BASE_SECURITY_HEADERS: Record<string, string> = {
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
}

/**
 * The Meilisearch origin the site's pages ask from the browser, when the
 * build has one (read as SearchPage.astro reads it), or null.
 */
export function meilisearchOrigin(env: SiteEnvironment = process.env): string | null {
  const { meilisearch } = readSiteConfig(env)
  if (!meilisearch) return null
  try {
    return cspOrigin(new URL(meilisearch.host).origin)
  } catch (error) {
    if (error instanceof TypeError) return null
    throw error
  }
}

/** The CMS origin the search page sends needs signals to (`GONGYU_CMS_URL`), when the build has one, or null. */
export function cmsOrigin(env: SiteEnvironment = process.env): string | null {
  const { cmsUrl } = readSiteConfig(env)
  if (!cmsUrl) return null
  try {
    return cspOrigin(new URL(cmsUrl).origin)
  } catch (error) {
    if (error instanceof TypeError) return null
    throw error
  }
}

/**
 * The Content-Security-Policy of the site's pages. Everything comes from the
 * site itself: pages carry no inline style (`build.inlineStylesheets:
 * 'never'`) and one inline script, the reading script allowed by its hash
 * (lib/readingComfort.ts); JSON-LD and JSON labels are data blocks, never run. hls.js needs
 * `blob:` for its MediaSource and its transmuxing worker; the search page may
 * ask Meilisearch and send needs signals to the CMS. `frame-ancestors` cannot travel in a <meta> tag, so the
 * tag's copy leaves it out.
 */
export function sitePageCsp({
  meiliOrigin = null,
  cmsOrigin = null,
  forMetaTag = false,
}: {
  meiliOrigin?: string | null
  cmsOrigin?: string | null
  forMetaTag?: boolean
} = {}): string {
  const connect = ["'self'", meiliOrigin, cmsOrigin].filter((origin): origin is string => Boolean(origin))
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${READING_SCRIPT_HASH}`,
    "style-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    // The survey form posts to the CMS's anonymous endpoint without JavaScript (docs/surveys.md).
    `form-action 'self'${cmsOrigin ? ` ${cmsOrigin}` : ''}`,
  ]
  // The embed builder previews the site's own embed pages in a frame; no other site may frame a page.
  if (!forMetaTag) directives.push("frame-ancestors 'self'")
  return directives.join('; ')
}

/**
 * The first header rule of every build, for every path: the page CSP and the
 * base headers. Later rules (embed pages, see embedHeaders.ts) replace its CSP.
 */
export function siteHeaderRule(env: SiteEnvironment = process.env): HeaderRule {
  return {
    path: '/*',
    headers: { 'content-security-policy': sitePageCsp({ meiliOrigin: meilisearchOrigin(env), cmsOrigin: cmsOrigin(env) }), ...BASE_SECURITY_HEADERS },
  }
}
