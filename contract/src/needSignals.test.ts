import { describe, expect, it } from 'vitest'
import { isoWeekOf, needSignalBodySchema, regionParts } from './needSignals.ts'

describe('isoWeekOf', () => {
  it('dates by ISO week in Asia/Shanghai', () => {
    expect(isoWeekOf(new Date('2026-12-03T04:00:00Z'))).toBe('2026-W49')
    // Sunday 2026-12-06 23:30 in Shanghai is still week 49; 16:30 UTC is already Monday in Shanghai.
    expect(isoWeekOf(new Date('2026-12-06T15:30:00Z'))).toBe('2026-W49')
    expect(isoWeekOf(new Date('2026-12-06T16:30:00Z'))).toBe('2026-W50')
  })

  it('gives a week to the year of its Thursday', () => {
    // 2027-01-01 is a Friday: it belongs to 2026's last week, 2026-W53.
    expect(isoWeekOf(new Date('2027-01-01T04:00:00Z'))).toBe('2026-W53')
    // 2024-12-30 is a Monday whose Thursday is in 2025.
    expect(isoWeekOf(new Date('2024-12-30T04:00:00Z'))).toBe('2025-W01')
    expect(isoWeekOf(new Date('2026-01-01T04:00:00Z'))).toBe('2026-W01')
  })
})

describe('regionParts', () => {
  it('reads a province and a county', () => {
    expect(regionParts('甘肃省某县')).toEqual({ province: '甘肃省', county: '某县' })
    expect(regionParts('广西壮族自治区 某县')).toEqual({ province: '广西壮族自治区', county: '某县' })
    expect(regionParts('北京市海淀区')).toEqual({ province: '北京市', county: '海淀区' })
    expect(regionParts('四川省')).toEqual({ province: '四川省', county: null })
  })

  it('reads nothing from a region with no province', () => {
    expect(regionParts('某县')).toBeUndefined()
  })
})

describe('needSignalBodySchema', () => {
  it('refuses unknown keys, long queries and a county without its province', () => {
    expect(needSignalBodySchema.safeParse({ kind: 'asked', query: '厌学' }).success).toBe(true)
    expect(needSignalBodySchema.safeParse({ kind: 'asked', query: '厌学', ip: '1.2.3.4' }).success).toBe(false)
    expect(needSignalBodySchema.safeParse({ kind: 'asked', query: '厌'.repeat(41) }).success).toBe(false)
    expect(needSignalBodySchema.safeParse({ kind: 'asked', query: '厌学', county: '某县' }).success).toBe(false)
    expect(needSignalBodySchema.safeParse({ kind: 'other', query: '厌学' }).success).toBe(false)
  })
})
