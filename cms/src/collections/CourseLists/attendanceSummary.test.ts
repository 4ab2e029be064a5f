import { describe, expect, it } from 'vitest'
import { attendanceSummary } from './attendanceSummary'

describe('attendanceSummary', () => {
  it('lists sessions in time order with their head counts, and totals the counted ones', () => {
    const summary = attendanceSummary([
      { startsAt: '2026-11-07T06:00:00.000Z', place: '村委会', headCount: 18 },
      null,
      { startsAt: null, place: '不是活动', headCount: null },
      { startsAt: '2026-09-05T01:30:00.000Z', place: ' 中心小学 ', headCount: 31 },
      { startsAt: '2026-12-05T01:30:00.000Z', place: '', headCount: null },
    ])
    expect(summary.sessions).toEqual([
      { position: 4, startsAt: '2026-09-05T01:30:00.000Z', place: '中心小学', headCount: 31 },
      { position: 1, startsAt: '2026-11-07T06:00:00.000Z', place: '村委会', headCount: 18 },
      { position: 5, startsAt: '2026-12-05T01:30:00.000Z', place: '', headCount: null },
    ])
    expect(summary).toMatchObject({ counted: 2, total: 49, average: 24.5 })
  })

  it('counts a session nobody came to, and ignores what is not a head count', () => {
    const summary = attendanceSummary([
      { startsAt: '2026-09-05T01:30:00.000Z', headCount: 0 },
      { startsAt: '2026-09-12T01:30:00.000Z', headCount: -3 },
      { startsAt: '2026-09-19T01:30:00.000Z', headCount: 2.5 },
    ])
    expect(summary.sessions.map((session) => session.headCount)).toEqual([0, null, null])
    expect(summary).toMatchObject({ counted: 1, total: 0, average: 0 })
  })

  it('has no average before any count', () => {
    expect(attendanceSummary([])).toEqual({ sessions: [], counted: 0, total: 0, average: null })
  })
})
