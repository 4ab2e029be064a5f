import type { EmbeddedSearch } from './embedded/EmbeddedSearch.ts'
import type { SearchEngine, SearchIndexWriter } from './engine/searchResponse.ts'
import { MeiliSearchEngine, type MeiliConnection } from './meilisearch/MeiliSearchEngine.ts'
import { searchConfig } from './config.ts'

/** Which engine serves search, and how to reach it. */
export type SearchEngineChoice = { kind: 'meilisearch'; connection: MeiliConnection } | { kind: 'embedded' }

/**
 * The one place the engine is decided, for the CMS (search endpoint, sync
 * job, reindex) and the command line alike: Meilisearch when `MEILI_HOST`
 * is set, otherwise the embedded engine.
 */
export function searchEngineChoice(env: NodeJS.ProcessEnv = process.env): SearchEngineChoice {
  const { meilisearch } = searchConfig(env)
  return meilisearch ? { kind: 'meilisearch', connection: meilisearch } : { kind: 'embedded' }
}

/**
 * The engine for this process, as `searchEngineChoice` decides. The embedded
 * engine comes from the caller (the CMS keeps one in memory, the command
 * line builds one from the export), so it is made only when it is used.
 */
export async function searchEngineFromEnv(
  embedded: () => Promise<EmbeddedSearch> | EmbeddedSearch,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SearchEngine & SearchIndexWriter> {
  const choice = searchEngineChoice(env)
  return choice.kind === 'meilisearch' ? new MeiliSearchEngine(choice.connection) : embedded()
}
