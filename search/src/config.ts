import { DEFAULT_INDEX_UID, type MeiliConnection } from './meilisearch/MeiliSearchEngine.ts'

/** Everything the search package reads from the environment. */
export interface SearchConfig {
  /**
   * The Meilisearch server for indexing and server-side search: set when
   * `MEILI_HOST` is (key `MEILI_ADMIN_KEY`, else `MEILI_MASTER_KEY`; index
   * `MEILI_INDEX`, default `gongyu-public`). Unset means the embedded engine.
   * Keys stay on the server.
   */
  meilisearch: (MeiliConnection & { indexUid: string }) | undefined
}

/** Reads the search settings; read on each call, because tests and tools change the environment between runs. */
export function searchConfig(env: NodeJS.ProcessEnv = process.env): SearchConfig {
  const host = env.MEILI_HOST
  return {
    meilisearch: host ? { host, apiKey: env.MEILI_ADMIN_KEY ?? env.MEILI_MASTER_KEY, indexUid: env.MEILI_INDEX ?? DEFAULT_INDEX_UID } : undefined,
  }
}
