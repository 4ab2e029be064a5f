import { SECTION_OF_LIST, SECTION_OF_TYPE, SLUG_PATTERN, feedPath, type FeedItemType, type ListKind } from './feedTypes.ts'

/** Which copy of the site and its feeds a widget uses. */
export type Script = 'hans' | 'hant'

/** An absolute http(s) URL ending in `/`, or null: any other scheme (javascript:, data:…) is refused. */
export function httpBase(value: string | null | undefined, relativeTo?: string): URL | null {
  if (!value) return null
  let url: URL
  try {
    url = new URL(value, relativeTo)
  } catch {
    // Not a URL at all: the caller treats it as not configured.
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  url.search = ''
  url.hash = ''
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url
}

/** True for a slug or grade code a URL may be built from. */
export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 120 && SLUG_PATTERN.test(value)
}

/** True for a record type the widgets know. */
export function isItemType(value: unknown): value is FeedItemType {
  // Object.hasOwn needs Chrome 93 / Safari 15.4; the widgets still run on Chrome 80 / Safari 14.
  // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn is newer than the widgets' browsers.
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SECTION_OF_TYPE, value)
}

function under(base: URL, script: Script, rest: string): string {
  return new URL((script === 'hant' ? 'zh-hant/' : '') + rest, base).href
}

/**
 * Every URL a widget puts in an href or fetches is built here from a checked
 * base and checked slugs, never taken from a feed, so a hostile feed cannot
 * produce a javascript: link or point anywhere but the Gongyu site.
 */
export const siteUrls = {
  item: (base: URL, script: Script, type: FeedItemType, slug: string) => under(base, script, `${SECTION_OF_TYPE[type]}/${slug}/`),
  list: (base: URL, script: Script, kind: ListKind, slug: string) => under(base, script, `${SECTION_OF_LIST[kind]}/${slug}/`),
  search: (base: URL, script: Script, query: string) => `${under(base, script, 'search/')}?q=${encodeURIComponent(query)}`,
  listFeed: (base: URL, script: Script, kind: ListKind, slug: string) => under(base, script, feedPath.list(kind, slug)),
  cardFeed: (base: URL, script: Script, type: FeedItemType, slug: string) => under(base, script, feedPath.card(type, slug)),
  searchFeed: (base: URL, script: Script) => under(base, script, feedPath.search()),
  events: (base: URL, script: Script) => under(base, script, 'events/'),
  eventsFeed: (base: URL, script: Script) => under(base, script, feedPath.events()),
}
