import { describe, expect, it } from 'vitest'
import { wordsWorthOffering } from './recordWords'

describe('wordsWorthOffering', () => {
  it('offers the title’s words, not everyday ones or the query’s own', () => {
    const words = wordsWorthOffering(['孩子不想上学怎么办'], '厌学')
    expect(words).toContain('上学')
    expect(words).not.toContain('孩子')
    expect(words).not.toContain('怎么办')
    expect(wordsWorthOffering(['孩子不想上学怎么办'], '上学')).not.toContain('上学')
  })

  it('reads Traditional titles in Simplified and offers each word once', () => {
    const words = wordsWorthOffering(['隔代教養', '隔代教养的烦恼'], '奶奶带娃')
    expect(new Set(words).size).toBe(words.length)
    expect(words.join(' ')).toContain('教养')
    expect(words.every((word) => [...word].length >= 2)).toBe(true)
  })
})
