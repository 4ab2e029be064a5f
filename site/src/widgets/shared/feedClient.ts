import type { CardFeed, EventFeed, EventFeedItem, FeedItem, ListFeed, SearchEntry, SearchFeed } from './feedTypes.ts'
import { safeText } from './safeText.ts'
import { isItemType, isSlug } from './siteUrls.ts'

const pending = new Map<string, Promise<unknown>>()

/**
 * Fetches JSON once per page however many widgets ask for it. No cookies
 * and no referrer go with it: the Gongyu site learns nothing about who reads
 * the school's page.
 */
export function fetchJson(url: string): Promise<unknown> {
  let request = pending.get(url)
  if (!request) {
    request = fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' }).then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${url}`)
      return response.json() as Promise<unknown>
    })
    // A failed request is forgotten so the next render can try again; the error still reaches the caller.
    request.then(undefined, () => pending.delete(url))
    pending.set(url, request)
  }
  return request
}

type Loose = Record<string, unknown>

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null

/** An item from a feed, checked field by field: a wrong type or slug drops it, text is made safe. */
export function readItem(value: unknown): FeedItem | null {
  if (!isObject(value) || !isItemType(value.type) || !isSlug(value.slug)) return null
  const title = safeText(value.title, 200)
  if (!title) return null
  return {
    type: value.type,
    slug: value.slug,
    title,
    summary: safeText(value.summary),
    meta: safeText(value.meta, 120),
    date: safeText(value.date, 40),
    note: safeText(value.note, 200),
  }
}

function version1(value: unknown): Loose {
  if (!isObject(value) || value.v !== 1) throw new Error('不认识的数据格式')
  return value
}

/** A list feed, checked; throws on a feed of another version. */
export function readListFeed(value: unknown): ListFeed {
  const feed = version1(value)
  const items = Array.isArray(feed.items) ? feed.items.map(readItem).filter((item): item is FeedItem => item !== null) : []
  const kind = feed.kind === 'grade' || feed.kind === 'theme' ? feed.kind : 'course-list'
  return {
    v: 1,
    kind,
    slug: isSlug(feed.slug) ? feed.slug : '',
    title: safeText(feed.title, 200),
    description: safeText(feed.description),
    by: safeText(feed.by, 120),
    items,
  }
}

/** A card feed, checked. */
export function readCardFeed(value: unknown): CardFeed {
  const item = readItem(version1(value).item)
  if (!item) throw new Error('课程数据不完整')
  return { v: 1, item }
}

/** The search feed, checked entry by entry. */
export function readSearchFeed(value: unknown): SearchFeed {
  const feed = version1(value)
  const items: SearchEntry[] = []
  for (const entry of Array.isArray(feed.items) ? feed.items : []) {
    if (!Array.isArray(entry) || !isItemType(entry[0]) || !isSlug(entry[1])) continue
    const title = safeText(entry[2], 200)
    if (title) items.push([entry[0], entry[1], title, safeText(entry[3], 120), safeText(entry[4], 300)])
  }
  return { v: 1, items }
}

/** The events feed, checked item by item: only events with a checked slug, their grades only as codes. */
export function readEventFeed(value: unknown): EventFeed {
  const items: EventFeedItem[] = []
  for (const entry of (Array.isArray(version1(value).items) ? version1(value).items : []) as unknown[]) {
    const item = readItem(entry)
    if (!item || item.type !== 'event' || !isObject(entry)) continue
    const grades = Array.isArray(entry.grades) ? entry.grades.filter(isSlug) : []
    items.push({ ...item, organization: isSlug(entry.organization) ? entry.organization : '', grades })
  }
  return { v: 1, items }
}
