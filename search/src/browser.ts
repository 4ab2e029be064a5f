import type { SearchResponse } from './engine/searchResponse.ts'
import { parseSearchQuery, type SearchQueryInput } from './query/searchQuery.ts'
import { scriptPartLoader } from './sharded/scriptPartLoader.ts'
import { ShardedSearch, type PartLoader, type ShardedResponse } from './sharded/ShardedSearch.ts'
import { loadTextConversion } from './text/normalize.ts'
import { warmUpTokenizer } from './text/tokenize.ts'

export { SearchQueryError } from './query/searchQuery.ts'
export { SearchPartError } from './sharded/SearchPartError.ts'
export type { SearchHit, SearchResponse } from './engine/searchResponse.ts'
export type { ShardedResponse } from './sharded/ShardedSearch.ts'
/** Starts loading the Traditional conversion tables, for a page whose results are Traditional (the zh-hant copy), so its first query need not wait for them. */
export { loadTextConversion } from './text/normalize.ts'

/** Search in the browser over the static index; it needs no server and works offline once its parts are cached. */
export interface StaticSearch {
  /** Resolves with the answer and notices (a part that did not load); rejects with SearchQueryError for bad input. */
  search(input: SearchQueryInput): Promise<ShardedResponse>
}

/**
 * Opens the sharded static index in the folder `indexUrl` names (the site's
 * `search-index/`): loads its manifest now, and the parts each query needs
 * as it runs, as scripts (so it works from file:// too). Rejects when the
 * manifest cannot be loaded.
 */
export async function loadStaticSearch(
  indexUrl: string,
  loader: PartLoader = scriptPartLoader(indexUrl.endsWith('/') ? indexUrl : `${indexUrl}/`),
): Promise<StaticSearch> {
  const opening = ShardedSearch.open(loader)
  // The main thread is idle while the manifest downloads; work the first query needs before it can ask for its parts is done now.
  warmUpTokenizer()
  const engine = await opening
  return { search: (input) => engine.search(parseSearchQuery(input)) }
}

/** Answers of the static search and of Meilisearch look the same to the page. */
export type BrowserSearchResponse = SearchResponse & { notices?: string[] }

type MeiliBrowserSearchOptions = Parameters<typeof import('./browserMeilisearch.ts').createMeiliBrowserSearch>[0]

/** Search through a Meilisearch server with a search-only key. The Meilisearch client loads only when this is called. */
export async function createMeiliBrowserSearch(options: MeiliBrowserSearchOptions) {
  // Meilisearch's hits are highlighted as they arrive, so the Traditional tables load with its client, not per text.
  const [{ createMeiliBrowserSearch: create }] = await Promise.all([import('./browserMeilisearch.ts'), loadTextConversion()])
  return create(options)
}
