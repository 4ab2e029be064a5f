import { Meilisearch } from 'meilisearch'
import type { SearchResponse } from './engine/searchResponse.ts'
import { searchMeili } from './meilisearch/searchMeili.ts'
import { parseSearchQuery, type SearchQueryInput } from './query/searchQuery.ts'

/** Search in the browser against Meilisearch with a search-only key (never an admin key) limited to the public index. */
export function createMeiliBrowserSearch(options: { host: string; searchKey: string; indexUid: string }): {
  search(input: SearchQueryInput): Promise<SearchResponse>
} {
  const client = new Meilisearch({ host: options.host, apiKey: options.searchKey })
  return { search: (input) => searchMeili(client, options.indexUid, parseSearchQuery(input)) }
}
