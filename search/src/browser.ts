import type { SearchResponse } from './engine/searchResponse.ts'
import { EmbeddedSearch, type StaticIndexData } from './embedded/EmbeddedSearch.ts'
import { parseSearchQuery, type SearchQueryInput } from './query/searchQuery.ts'

export { SearchQueryError } from './query/searchQuery.ts'
export type { SearchHit, SearchResponse } from './engine/searchResponse.ts'

/** Search in the browser over the static index; it needs no server and works offline once the file is cached. */
export interface StaticSearch {
  search(input: SearchQueryInput): SearchResponse
}

/** Loads the static index from a URL (fetched once) and returns a search function. Throws SearchQueryError for bad input. */
export async function loadStaticSearch(indexUrl: string, fetchIndex: typeof fetch = fetch): Promise<StaticSearch> {
  const response = await fetchIndex(indexUrl)
  if (!response.ok) throw new Error(`搜索索引加载失败（${response.status}），请稍后再试。`)
  const engine = EmbeddedSearch.load((await response.json()) as StaticIndexData)
  return { search: (input) => engine.searchNow(parseSearchQuery(input)) }
}

type MeiliBrowserSearchOptions = Parameters<typeof import('./browserMeilisearch.ts').createMeiliBrowserSearch>[0]

/** Search through a Meilisearch server with a search-only key. The Meilisearch client loads only when this is called. */
export async function createMeiliBrowserSearch(options: MeiliBrowserSearchOptions) {
  const { createMeiliBrowserSearch: create } = await import('./browserMeilisearch.ts')
  return create(options)
}
