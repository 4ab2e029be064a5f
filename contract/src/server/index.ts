export * from './exportLocation.ts'
export * from './sanitizeSectionHtml.ts'
