import { describe, expect, it } from 'vitest'
import { dayKeyOf, eventTimeLabel, monthKeyOf, monthWeeks, shiftMonth } from './eventTime.ts'

describe('event times in Beijing time', () => {
  it('puts an instant on its Beijing day and month, not the build machine’s', () => {
    // 2026-11-30 17:30 UTC is already 1 December in Beijing.
    expect(dayKeyOf('2026-11-30T17:30:00Z')).toBe('2026-12-01')
    expect(monthKeyOf('2026-11-30T17:30:00Z')).toBe('2026-12')
  })

  it('labels a time span with the weekday, and both days when it runs past midnight', () => {
    expect(eventTimeLabel('2026-12-19T06:00:00Z', '2026-12-19T07:30:00Z')).toBe('2026年12月19日（周六）14:00–15:30')
    expect(eventTimeLabel('2026-12-19T14:00:00Z', '2026-12-19T17:00:00Z')).toBe('2026年12月19日（周六）22:00 至 12月20日（周日）01:00')
  })

  it('steps across years', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(shiftMonth('2027-01', -1)).toBe('2026-12')
  })

  it('lays a month out in whole weeks, Monday first', () => {
    const weeks = monthWeeks('2026-12')
    expect(weeks[0]?.[0]).toEqual({ key: '2026-11-30', day: 30, inMonth: false })
    expect(weeks[0]?.[1]).toEqual({ key: '2026-12-01', day: 1, inMonth: true })
    expect(weeks.every((week) => week.length === 7)).toBe(true)
    expect(
      weeks
        .flat()
        .filter((day) => day.inMonth)
        .map((day) => day.day),
    ).toEqual(Array.from({ length: 31 }, (_, index) => index + 1))
    expect(weeks.at(-1)?.at(-1)).toEqual({ key: '2027-01-03', day: 3, inMonth: false })
  })
})
