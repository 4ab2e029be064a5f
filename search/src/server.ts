// Server-only search code (Node file system, Meilisearch keys and tenant tokens): never imported by browser bundles.
export * from './embedded/buildEmbeddedSearch.ts'
export * from './embedded/EmbeddedSearch.ts'
export * from './embedded/staticIndex.ts'
export * from './config.ts'
export * from './engineFromEnv.ts'
export * from './meilisearch/MeiliSearchEngine.ts'
export * from './meilisearch/server.ts'
