// Server-only: keys and tenant tokens. Browser bundles import `@gongyu/search/browser`, never this file.
import type { Meilisearch } from 'meilisearch'
import { generateTenantToken } from 'meilisearch/token'

const SEARCH_KEY_DESCRIPTION = 'Gongyu 公开搜索（浏览器只读）'

/** A search-only key limited to the public index: found again if it exists, created otherwise. Needs an admin or master key. */
export async function ensureSearchKey(adminClient: Meilisearch, indexUid: string): Promise<{ key: string; uid: string }> {
  const { results } = await adminClient.getKeys({ limit: 1000 })
  const existing = results.find(
    (key) =>
      key.description === SEARCH_KEY_DESCRIPTION &&
      key.actions.length === 1 &&
      key.actions[0] === 'search' &&
      key.indexes.length === 1 &&
      key.indexes[0] === indexUid &&
      key.expiresAt === null,
  )
  if (existing) return { key: existing.key, uid: existing.uid }
  const created = await adminClient.createKey({ description: SEARCH_KEY_DESCRIPTION, actions: ['search'], indexes: [indexUid], expiresAt: null })
  return { key: created.key, uid: created.uid }
}

/** A short-lived tenant token for one browser, signed with the search key and limited to the public index. */
export function tenantTokenFor(searchKey: { key: string; uid: string }, indexUid: string, validForSeconds = 3600): Promise<string> {
  return generateTenantToken({
    apiKey: searchKey.key,
    apiKeyUid: searchKey.uid,
    searchRules: { [indexUid]: null },
    expiresAt: new Date(Date.now() + validForSeconds * 1000),
  })
}
