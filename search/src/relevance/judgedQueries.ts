import { readFileSync } from 'node:fs'
import type { JudgedQuery } from './relevanceSet.ts'

/** The judged parent queries kept as data in `search/relevance/queries.json`. */
export function readJudgedQueries(): JudgedQuery[] {
  const file = new URL('../../relevance/queries.json', import.meta.url)
  const data = JSON.parse(readFileSync(file, 'utf8')) as { queries: JudgedQuery[] }
  return data.queries
}
