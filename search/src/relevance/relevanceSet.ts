import type { SearchEngine, SearchDocument } from '../engine/searchResponse.ts'
import { parseSearchQuery, type SearchQueryInput } from '../query/searchQuery.ts'

/** What makes a result relevant to a judged query: every listed property must match (values within one are alternatives). */
export interface RelevanceExpectation {
  themes?: string[]
  stages?: string[]
  grades?: string[]
  types?: string[]
  /** Record ids, when only named items will do (a festival's own activity plan, not another festival's). */
  ids?: string[]
}

/** One judged parent query. */
export interface JudgedQuery {
  query: string
  /**
   * How the query is phrased: colloquial, traditional, pinyin, initials, typo, grade, synonym, keyword,
   * filtered, type; spoken questions: spoken, dialect, hk-tw, teacher, organizer.
   */
  kind: string
  filters?: Omit<SearchQueryInput, 'q' | 'text'>
  expect: RelevanceExpectation
  /** Why a result like this is what the parent wants. */
  note?: string
}

/** Whether a result meets a judged query's expectation. */
export function isRelevant(document: Pick<SearchDocument, 'id' | 'themes' | 'stages' | 'grades' | 'type'>, expectation: RelevanceExpectation): boolean {
  const overlaps = (wanted: string[] | undefined, actual: readonly string[]) => !wanted || wanted.length === 0 || wanted.some((value) => actual.includes(value))
  return (
    overlaps(expectation.themes, document.themes) &&
    overlaps(expectation.stages, document.stages) &&
    overlaps(expectation.grades, document.grades) &&
    overlaps(expectation.types, [document.type]) &&
    overlaps(expectation.ids, [document.id])
  )
}

export interface QueryOutcome {
  query: string
  kind: string
  /** 1-based rank of the first relevant result within the first ten; null when there is none. */
  firstRelevantRank: number | null
  top: string[]
}

export interface RelevanceReport {
  queries: number
  /** Share of queries with a relevant result in the first five (hit rate at 5). */
  recallAt5: number
  /** Mean reciprocal rank of the first relevant result within the first ten. */
  mrr: number
  byKind: Record<string, { queries: number; recallAt5: number; mrr: number }>
  misses: QueryOutcome[]
  outcomes: QueryOutcome[]
}

const JUDGED_DEPTH = 10

/** Runs every judged query on an engine and scores the rankings. */
export async function evaluateRelevance(engine: SearchEngine, judged: JudgedQuery[]): Promise<RelevanceReport> {
  const outcomes: QueryOutcome[] = []
  for (const entry of judged) {
    const response = await engine.search(parseSearchQuery({ ...entry.filters, q: entry.query, pageSize: JUDGED_DEPTH }))
    const index = response.hits.findIndex((hit) => isRelevant(hit, entry.expect))
    outcomes.push({
      query: entry.query,
      kind: entry.kind,
      firstRelevantRank: index === -1 ? null : index + 1,
      top: response.hits.slice(0, 5).map((hit) => `${hit.id} ${hit.title}`),
    })
  }
  const hitAt5 = (outcome: QueryOutcome) => outcome.firstRelevantRank !== null && outcome.firstRelevantRank <= 5
  const byKind: RelevanceReport['byKind'] = {}
  for (const outcome of outcomes) {
    const entry = byKind[outcome.kind] ?? { queries: 0, recallAt5: 0, mrr: 0 }
    byKind[outcome.kind] = entry
    entry.queries += 1
    entry.recallAt5 += hitAt5(outcome) ? 1 : 0
    entry.mrr += outcome.firstRelevantRank ? 1 / outcome.firstRelevantRank : 0
  }
  for (const entry of Object.values(byKind)) {
    entry.recallAt5 = round(entry.recallAt5 / entry.queries)
    entry.mrr = round(entry.mrr / entry.queries)
  }
  return {
    queries: outcomes.length,
    recallAt5: round(outcomes.filter(hitAt5).length / Math.max(1, outcomes.length)),
    mrr: round(outcomes.reduce((sum, outcome) => sum + (outcome.firstRelevantRank ? 1 / outcome.firstRelevantRank : 0), 0) / Math.max(1, outcomes.length)),
    byKind,
    misses: outcomes.filter((outcome) => !hitAt5(outcome)),
    outcomes,
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
