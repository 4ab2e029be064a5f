export * from './content/markdown.ts'
export * from './content/readContent.ts'
export * from './lint/lintStarterContent.ts'
export * from './lint/problem.ts'
