import { describe, expect, it } from 'vitest'
import { isLessonOrder } from './contentLimits.ts'

describe('isLessonOrder', () => {
  it('takes whole numbers past the starter bank’s 20 and up to two decimals, to insert between lessons', () => {
    for (const value of [1, 20, 21, 500, 99999, 5.5, 5.55, 0.1 + 5.2]) expect(isLessonOrder(value)).toBe(true)
  })

  it('refuses zero, negatives, three decimals, huge numbers and non-numbers', () => {
    for (const value of [0, -1, 5.555, 100000, Number.NaN, Number.POSITIVE_INFINITY, '5', null]) expect(isLessonOrder(value)).toBe(false)
  })
})
