export * from './query/highlight.ts'
export * from './query/searchQuery.ts'
export * from './record/publicRecord.ts'
export * from './vocabulary.ts'
