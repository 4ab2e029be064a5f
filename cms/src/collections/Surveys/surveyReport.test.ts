import { describe, expect, it } from 'vitest'
import { surveyReport, type ReportedAnswer } from './surveyReport'

const answers = (week: string, count: number, score = 4, comment = ''): ReportedAnswer[] =>
  Array.from({ length: count }, () => ({ answeredWeek: week, scores: [score, score, score, score, score], comment }))

describe('surveyReport', () => {
  it('hides every group under the threshold, and says nothing of its size', () => {
    const report = surveyReport([...answers('2026-W48', 12, 5), ...answers('2026-W49', 9, 1)])
    expect(report.weeks.map((week) => [week.label, week.figures?.count])).toEqual([
      ['2026-W48', 12],
      ['2026-W49', undefined],
    ])
    // 21 − 12 would give away the 9 hidden answers, so the total is hidden too.
    expect(report.total.figures).toBeUndefined()
    expect(report.comments).toEqual([])
  })

  it('shows the total when the hidden weeks together reach the threshold', () => {
    const report = surveyReport([...answers('2026-W47', 6, 3), ...answers('2026-W48', 5, 5, '很好'), ...answers('2026-W49', 10, 4)])
    expect(report.total.figures?.count).toBe(21)
    expect(report.total.figures?.means[0]).toBe(Math.round(((6 * 3 + 5 * 5 + 10 * 4) / 21) * 100) / 100)
    expect(report.total.figures?.distributions[0]).toEqual([0, 0, 6, 10, 5])
    expect(report.comments).toEqual(['很好', '很好', '很好', '很好', '很好'])
  })

  it('shows nothing for nine answers in all', () => {
    const report = surveyReport(answers('2026-W49', 9))
    expect(report.total.figures).toBeUndefined()
    expect(report.weeks[0]?.figures).toBeUndefined()
  })
})
