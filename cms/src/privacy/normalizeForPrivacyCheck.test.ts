import { describe, expect, it } from 'vitest'
import { normalizeForPrivacyCheck } from './normalizeForPrivacyCheck'

describe('normalizeForPrivacyCheck', () => {
  it.each([
    ['full-width digits', '１３８', '138'],
    ['Arabic-Indic digits', '١٣٨', '138'],
    ['Devanagari digits', '१३८', '138'],
    ['mathematical bold digits', '𝟏𝟑𝟖', '138'],
    ['zero-width and soft-hyphen characters', '1\u200b3\u00ad8\u2060', '138'],
    ['Chinese numerals in a number-length run', '幺三八 两〇一五', '138 2015'],
    ['spaces between Han characters', '刘 洋', '刘洋'],
  ])('folds %s', (_label, input, expected) => {
    expect(normalizeForPrivacyCheck(input).text).toBe(expected)
  })

  it('leaves short numeral words alone', () => {
    expect(normalizeForPrivacyCheck('三年级二班，三三两两').text).toBe('三年级二班,三三两两')
  })

  it('maps every normalized character back to the original', () => {
    const { text, origin } = normalizeForPrivacyCheck('电话\u200b１３８')
    expect(text).toBe('电话138')
    expect(origin).toEqual([0, 1, 3, 4, 5, 6])
  })
})
