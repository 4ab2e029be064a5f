import { buildEmbeddedSearch } from './embedded/buildEmbeddedSearch.ts'
import type { SearchEngine, SearchIndexWriter } from './engine/searchResponse.ts'
import { DEFAULT_INDEX_UID, MeiliSearchEngine, type MeiliConnection } from './meilisearch/MeiliSearchEngine.ts'
import type { PublicRecord } from './record/publicRecord.ts'

/** The Meilisearch connection for indexing and server-side search, when `MEILI_HOST` is set. Keys stay on the server. */
export function meiliConnectionFromEnv(env: NodeJS.ProcessEnv = process.env): MeiliConnection | undefined {
  if (!env.MEILI_HOST) return undefined
  return { host: env.MEILI_HOST, apiKey: env.MEILI_ADMIN_KEY ?? env.MEILI_MASTER_KEY, indexUid: env.MEILI_INDEX ?? DEFAULT_INDEX_UID }
}

/** Which engine a process uses: Meilisearch when `MEILI_HOST` is set, otherwise the embedded engine. */
export function engineKindFromEnv(env: NodeJS.ProcessEnv = process.env): 'meilisearch' | 'embedded' {
  return env.MEILI_HOST ? 'meilisearch' : 'embedded'
}

/**
 * The engine for this process, chosen the same way by the CMS and the
 * command line. The embedded engine is built from the published records.
 */
export async function searchEngineFromEnv(
  loadRecords: () => Promise<PublicRecord[]>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SearchEngine & SearchIndexWriter> {
  const connection = meiliConnectionFromEnv(env)
  if (connection) return new MeiliSearchEngine(connection)
  return buildEmbeddedSearch(await loadRecords())
}
