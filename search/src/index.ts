export * from './record/publicRecord.ts'
export * from './vocabulary.ts'
