import { describe, expect, it } from 'vitest'
import type { PublicRecord } from '@gongyu/contract'
import { caseFilterPath, facetOptions, matchesFilter, nonEmptyFilters, UNFILTERED } from './caseFacets.ts'

function caseStudy(slug: string, themes: string[], stages: string[], familySituations: string[]): PublicRecord {
  return { id: `case-study:${slug}`, slug, themes, stages, familySituations } as unknown as PublicRecord
}

const cases = [
  caseStudy('a', ['emotions', 'habits'], ['primary'], ['left-behind']),
  caseStudy('b', ['emotions'], ['junior'], ['left-behind', 'rural']),
  caseStudy('c', ['habits'], ['primary'], []),
]

describe('case explorer facets', () => {
  it('names one page per filter, and /cases/ when nothing is filtered', () => {
    expect(caseFilterPath(UNFILTERED)).toBe('/cases/')
    expect(caseFilterPath({ theme: 'emotions', stage: 'all', family: 'rural' })).toBe('/cases/filter/emotions/all/rural/')
  })

  it('pre-renders only filters that find a case', () => {
    const filters = nonEmptyFilters(cases)
    for (const filter of filters) expect(cases.some((record) => matchesFilter(record, filter))).toBe(true)
    expect(filters.map(caseFilterPath)).toContain('/cases/filter/emotions/junior/rural/')
    expect(filters.map(caseFilterPath)).not.toContain('/cases/filter/habits/junior/all/')
  })

  it('offers, per row, only the values that still find cases, with counts', () => {
    const options = facetOptions(cases, { theme: 'habits', stage: 'all', family: 'all' }, 'stage', ['kindergarten', 'primary', 'junior'])
    expect(options.map((option) => [option.value, option.count])).toEqual([
      ['all', 2],
      ['primary', 2],
    ])
    expect(options[0]?.selected).toBe(true)
  })
})
