import type { SearchEntry } from '../shared/feedTypes.ts'
import { safeText } from '../shared/safeText.ts'
import { isItemType, isSlug, type Script } from '../shared/siteUrls.ts'

/** Where the search box asks Meilisearch: a host and a search-only key, given as attributes. */
export interface MeilisearchTarget {
  host: URL
  key: string
  index: string
}

/**
 * One search against Meilisearch's documented search route with the
 * search-only key (never an admin key: it is visible in the page). Only the
 * type, slug and title of each hit are used; links are built from them. A
 * Traditional widget shows the Traditional title the index stores beside the
 * Simplified one (`titleHant`, made at index time), or the Simplified title
 * from an index made before it.
 */
export async function searchMeilisearch(target: MeilisearchTarget, query: string, limit: number, script: Script = 'hans'): Promise<SearchEntry[]> {
  const response = await fetch(new URL(`indexes/${encodeURIComponent(target.index)}/search`, target.host).href, {
    method: 'POST',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.key}` },
    // `locales` on every search, or a short Chinese query may be taken for Japanese (see the stack notes).
    body: JSON.stringify({
      q: query,
      limit,
      locales: ['cmn'],
      attributesToRetrieve: script === 'hant' ? ['type', 'slug', 'title', 'titleHant'] : ['type', 'slug', 'title'],
    }),
  })
  if (!response.ok) throw new Error(`Meilisearch ${response.status}`)
  const body = (await response.json()) as { hits?: unknown }
  const entries: SearchEntry[] = []
  for (const hit of Array.isArray(body.hits) ? (body.hits as Record<string, unknown>[]) : []) {
    const title = (script === 'hant' ? safeText(hit?.titleHant, 200) : '') || safeText(hit?.title, 200)
    if (isItemType(hit?.type) && isSlug(hit?.slug) && title) entries.push([hit.type, hit.slug, title, '', ''])
  }
  return entries
}
