export * from './normalize.ts'
export * from './pinyin.ts'
export * from './synonyms.ts'
export * from './tokenize.ts'
