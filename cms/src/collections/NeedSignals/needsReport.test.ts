import { describe, expect, it } from 'vitest'
import { aggregateNeedSignals, reportWeeks } from './needsReport'

const signal = (query: string, province: string | null, county: string | null, week = '2026-W49', kind: 'asked' | 'zero-result' = 'asked') => ({
  query,
  province,
  county,
  week,
  kind,
})
const times = <T>(count: number, make: () => T): T[] => Array.from({ length: count }, make)

describe('aggregateNeedSignals', () => {
  it('shows a county-week at 5 and never at 4', () => {
    expect(aggregateNeedSignals(times(4, () => signal('厌学', '甘肃省', '某县')))).toEqual([])
    expect(aggregateNeedSignals(times(5, () => signal('厌学', '甘肃省', '某县')))).toEqual([
      { query: '厌学', level: 'county', province: '甘肃省', county: '某县', week: '2026-W49', asked: 5, zeroResult: 0, total: 5 },
    ])
  })

  it('never adds up different weeks or queries', () => {
    const signals = [...times(3, () => signal('厌学', '甘肃省', '某县')), ...times(3, () => signal('厌学', '甘肃省', '某县', '2026-W48'))]
    expect(aggregateNeedSignals([...signals, ...times(3, () => signal('沉迷手机', '甘肃省', '某县'))])).toEqual([])
  })

  it('shows a province-week at 10, across its counties, and counts both kinds', () => {
    const signals = [
      ...times(4, () => signal('手机', '甘肃省', '某县')),
      ...times(4, () => signal('手机', '甘肃省', '另一县', '2026-W49', 'zero-result')),
      ...times(2, () => signal('手机', '甘肃省', null)),
    ]
    const rows = aggregateNeedSignals(signals)
    expect(rows.map((row) => [row.level, row.province, row.county, row.asked, row.zeroResult])).toEqual(
      expect.arrayContaining([
        ['province', '甘肃省', null, 6, 4],
        ['all', null, null, 6, 4],
      ]),
    )
    expect(rows.some((row) => row.level === 'county')).toBe(false)
  })
})

describe('reportWeeks', () => {
  it('lists this week and the seven before it, newest first', () => {
    const weeks = reportWeeks(new Date('2026-12-03T04:00:00Z'))
    expect(weeks).toHaveLength(8)
    expect(weeks[0]).toBe('2026-W49')
    expect(weeks[7]).toBe('2026-W42')
  })
})
