import { describe, expect, it } from 'vitest'
import { shanghaiIsoWeek } from './isoWeek'

describe('shanghaiIsoWeek', () => {
  it('dates by the day in China, not UTC', () => {
    // 2026-12-31 17:00 UTC is already 1 January 2027 in Shanghai, still ISO week 53 of 2026.
    expect(shanghaiIsoWeek(new Date('2026-12-31T17:00:00Z'))).toBe('2026-W53')
    expect(shanghaiIsoWeek(new Date('2026-12-03T10:00:00+08:00'))).toBe('2026-W49')
    expect(shanghaiIsoWeek(new Date('2027-01-04T00:30:00+08:00'))).toBe('2027-W01')
  })
})
