import { describe, expect, it } from 'vitest'
import { sessionFacts, sessionTimeLabel } from './sessionLabel.ts'

describe('session labels', () => {
  it('shows the start in Beijing time, across the UTC day boundary', () => {
    // 17:30 UTC on Friday is 01:30 on Saturday in Beijing.
    expect(sessionTimeLabel('2026-09-04T17:30:00.000Z')).toBe('2026年9月5日（周六）01:30')
    expect(sessionTimeLabel('2026-09-05T01:30:00.000Z')).toBe('2026年9月5日（周六）09:30')
  })

  it('lists time, place, who runs it and hours, leaving out what is not set', () => {
    expect(sessionFacts({ startsAt: '2026-09-05T01:30:00.000Z', place: '城关镇中心小学', runBy: '县妇联', hours: 1.5 })).toEqual([
      { label: '时间', value: '2026年9月5日（周六）09:30（北京时间）' },
      { label: '地点', value: '城关镇中心小学' },
      { label: '主讲', value: '县妇联' },
      { label: '学时', value: '1.5 学时' },
    ])
    expect(sessionFacts({ startsAt: '2026-09-05T01:30:00.000Z', place: '', runBy: '', hours: null }).map((fact) => fact.label)).toEqual(['时间'])
  })
})
