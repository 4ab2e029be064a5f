import type { PublicRecord } from '@gongyu/contract'

/** A case-explorer filter; `all` means the dimension is not filtered. */
export interface CaseFilter {
  theme: string
  stage: string
  family: string
}

export type CaseDimension = keyof CaseFilter

export const ALL = 'all'
export const UNFILTERED: CaseFilter = { theme: ALL, stage: ALL, family: ALL }

const valuesOf: Record<CaseDimension, (record: PublicRecord) => string[]> = {
  theme: (record) => record.themes,
  stage: (record) => record.stages,
  family: (record) => record.familySituations,
}

/** The explorer page for a filter: `/cases/` unfiltered, else one pre-rendered page per combination. */
export function caseFilterPath(filter: CaseFilter): string {
  if (filter.theme === ALL && filter.stage === ALL && filter.family === ALL) return '/cases/'
  return `/cases/filter/${filter.theme}/${filter.stage}/${filter.family}/`
}

export function matchesFilter(record: PublicRecord, filter: CaseFilter): boolean {
  return (Object.keys(valuesOf) as CaseDimension[]).every((dimension) => filter[dimension] === ALL || valuesOf[dimension](record).includes(filter[dimension]))
}

/**
 * Every filter that finds at least one case, so the explorer is a finite set
 * of static pages (no JS) and never links to an empty one.
 */
export function nonEmptyFilters(cases: PublicRecord[]): CaseFilter[] {
  const seen = new Map<string, CaseFilter>()
  for (const record of cases) {
    for (const theme of [ALL, ...record.themes]) {
      for (const stage of [ALL, ...record.stages]) {
        for (const family of [ALL, ...record.familySituations]) {
          const filter = { theme, stage, family }
          seen.set(caseFilterPath(filter), filter)
        }
      }
    }
  }
  return [...seen.values()]
}

/** One choice in a filter row: where it leads and how many cases are there. */
export interface FacetOption {
  value: string
  count: number
  path: string
  selected: boolean
}

/**
 * The options of one dimension, given the other two as they are: `all` first,
 * then every value that still finds cases, in vocabulary order.
 */
export function facetOptions(cases: PublicRecord[], current: CaseFilter, dimension: CaseDimension, order: string[]): FacetOption[] {
  const counts = new Map<string, number>()
  const others = { ...current, [dimension]: ALL }
  for (const record of cases) {
    if (!matchesFilter(record, others)) continue
    counts.set(ALL, (counts.get(ALL) ?? 0) + 1)
    for (const value of valuesOf[dimension](record)) counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  return [ALL, ...order]
    .filter((value) => (counts.get(value) ?? 0) > 0)
    .map((value) => ({
      value,
      count: counts.get(value) ?? 0,
      path: caseFilterPath({ ...current, [dimension]: value }),
      selected: current[dimension] === value,
    }))
}
