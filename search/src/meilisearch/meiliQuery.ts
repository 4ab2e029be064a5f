import type { ContentTypeCode, GradeCode } from '@gongyu/contract'
import type { QueryPlan } from '../embedded/planQuery.ts'
import { quoteFilterValue } from './meiliFilter.ts'

/** How many of the plan's terms are searched one by one (the weightiest). */
const TERMS_SEARCHED = 12

/** What Meilisearch is asked for one query plan: the text, and the filter groups whose items rank first, best first. */
export interface MeiliQuery {
  q: string
  /**
   * The plan's weightiest terms (the same weighted terms the embedded engine
   * looks up: chunks, corrections, synonyms, words for typed pinyin, weighted
   * by IDF), each searched on its own; their ranking scores, times their
   * weights, are added to the text's, as the embedded engine adds its terms'
   * scores. Strict matching alone would need the rarest word of a long
   * question (撒手) in every result.
   */
  chunks: { q: string; weight: number }[]
  /** Each entry is a filter (AND of OR-groups) for one bucket of results; buckets are disjoint and shown in this order. */
  buckets: string[][][]
}

/**
 * The plan in Meilisearch's terms. The text is the plan's key text (what the
 * parent meant, Simplified, typos corrected, pinyin spelled out, without the
 * bank's commonest words); Meilisearch's own synonyms expand it, and its
 * `frequency` matching drops common words first. Grades and types the query
 * names are not words to match but preferences: Meilisearch has no per-query
 * boost, so they become disjoint filters whose results are shown in order
 * (both met first, then the grade, then the type, then the rest). A stage
 * (幼儿园) stays a word: the embedded engine ranks it only a little higher,
 * and a stage first would push 大班's 幼小衔接 below 小学's other items.
 */
export function meiliQueryOf(plan: Pick<QueryPlan, 'keyText' | 'weights' | 'grades' | 'types'>, byRelevance: boolean): MeiliQuery {
  const grades: GradeCode[] = byRelevance ? plan.grades : []
  const types: ContentTypeCode[] = byRelevance ? plan.types : []
  const preference = (attribute: string, values: string[]) => ({
    is: [values.map((value) => `${attribute} = ${quoteFilterValue(value)}`)],
    isNot: values.map((value) => `${attribute} != ${quoteFilterValue(value)}`),
  })
  const preferences = [...(grades.length > 0 ? [preference('grades', grades)] : []), ...(types.length > 0 ? [preference('type', types)] : [])]
  let buckets: string[][][] = [[]]
  for (const preference of preferences) {
    buckets = [
      ...buckets.map((bucket) => [...bucket, ...preference.is]),
      ...buckets.map((bucket) => [...bucket, ...preference.isNot.map((clause) => [clause])]),
    ]
  }
  // Bucket order: all preferences met first, then the earlier preference (grade) before the later (type).
  if (preferences.length === 2) buckets = [buckets[0], buckets[2], buckets[1], buckets[3]].filter((bucket) => bucket !== undefined)
  const terms = [...plan.weights]
    .filter(([term]) => [...term].length >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TERMS_SEARCHED)
    .map(([term, weight]) => ({ q: term, weight }))
  // An explicit sort (grade, newest) orders by itself: no preferences, and no scores to add.
  return { q: plan.keyText, chunks: byRelevance && terms.length > 1 ? terms : [], buckets }
}
