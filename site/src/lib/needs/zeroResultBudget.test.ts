import { describe, expect, it } from 'vitest'
import { takeZeroResultCount, ZERO_RESULT_COUNTS_PER_DAY } from './zeroResultBudget.ts'

function memoryStorage() {
  const items = new Map<string, string>()
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items }
}

describe('takeZeroResultCount', () => {
  it('allows three counts a day and a fresh three the next day', () => {
    const storage = memoryStorage()
    const monday = new Date(2026, 11, 7, 9, 0)
    const taken = Array.from({ length: 5 }, () => takeZeroResultCount(storage, monday))
    expect(taken).toEqual([true, true, true, false, false])
    expect(ZERO_RESULT_COUNTS_PER_DAY).toBe(3)
    expect(takeZeroResultCount(storage, new Date(2026, 11, 7, 23, 59))).toBe(false)
    expect(takeZeroResultCount(storage, new Date(2026, 11, 8, 0, 1))).toBe(true)
  })

  it('keeps only today’s count, with no time', () => {
    const storage = memoryStorage()
    takeZeroResultCount(storage, new Date(2026, 11, 7, 9, 41))
    expect([...storage.items.values()]).toEqual(['{"day":"2026-12-07","count":1}'])
  })

  it('counts nothing without storage or with storage it cannot read', () => {
    expect(takeZeroResultCount(undefined)).toBe(false)
    const broken = memoryStorage()
    broken.setItem('gongyu:zero-result-counts', '{not json')
    expect(takeZeroResultCount(broken)).toBe(false)
  })
})
