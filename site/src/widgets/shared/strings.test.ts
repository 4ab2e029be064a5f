import { describe, expect, it } from 'vitest'
import { traditionalConverter } from '../../integrations/traditional.ts'
import { say, stringTables } from './strings.ts'

describe('the widgets’ own words', () => {
  it('are, in Traditional, exactly what the build’s converter makes of the Simplified ones', () => {
    const convert = traditionalConverter()
    for (const [key, text] of Object.entries(stringTables.hans)) expect(stringTables.hant[key as keyof typeof stringTables.hant], key).toBe(convert(text))
  })

  it('fill in counts and queries', () => {
    expect(say('hans', 'moreList', { n: 8 })).toBe('在共育网站查看完整清单（共 8 项）')
    expect(say('hant', 'searchOnSite', { q: '玩手机' })).toBe('在共育網站搜尋「玩手机」')
  })
})
