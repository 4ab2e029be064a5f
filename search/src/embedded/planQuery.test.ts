import { describe, expect, it } from 'vitest'
import { buildPinyinTable } from '../text/buildPinyinTable.ts'
import { PinyinLookup } from '../text/pinyinTable.ts'
import { informativeness, planQuery } from './planQuery.ts'
import { SpellingMap } from './spellingIndex.ts'

const lookup = new PinyinLookup(buildPinyinTable())
const spellings = new SpellingMap(lookup)
spellings.addDocument({ title: '亲子沟通的分寸', summary: '考试焦虑怎么办', themeNames: ['亲子沟通'] })

describe('planQuery', () => {
  it('corrects an unknown chunk to the bank’s word with the same pinyin, at a lower weight', () => {
    const plan = planQuery('勾通', spellings, lookup)
    expect(plan.terms).toContain('沟通')
    expect(plan.weights.get('沟通')).toBeLessThan(plan.weights.get('勾通') ?? 0)
  })

  it('leaves known words alone, so a correct query gains no false hits', () => {
    const plan = planQuery('沟通', spellings, lookup)
    expect(plan.terms).toEqual(['沟通'])
  })

  it('gives the meant text: typos inside unknown chunks corrected, known chunks and their neighbours left alone', () => {
    const known = new SpellingMap(lookup)
    known.addDocument({ title: '考试焦虑', summary: '小升初 天天练习', themeNames: ['早恋'] })
    expect(planQuery('考试交虑', known, lookup).meantText).toBe('考试焦虑')
    expect(planQuery('小生初', known, lookup).meantText).toBe('小升初')
    expect(planQuery('天天哭', known, lookup).meantText).toBe('天天哭')
    expect(planQuery('zaolian', known, lookup).meantText).toBe('早恋')
    expect(planQuery('qzgt', known, lookup).meantText).toBe('qzgt')
  })

  it('weights words by how many of the bank’s documents use them, and leaves the commonest out of the key text', () => {
    const bank = new SpellingMap(lookup)
    for (let index = 0; index < 40; index += 1) bank.addDocument({ title: `孩子的第${index}课`, summary: '家长怎么办', themeNames: [] })
    bank.addDocument({ title: '预防近视', summary: '家长怎么办', themeNames: ['视力'] })
    expect(informativeness(bank.documentShare('近视'))).toBeGreaterThan(0.9)
    expect(informativeness(bank.documentShare('孩子'))).toBeLessThan(0.2)
    const plan = planQuery('家长怎么办孩子近视太严重', bank, lookup)
    expect(plan.weights.get('近视')).toBeGreaterThan(4 * (plan.weights.get('孩子') ?? 0))
    // 孩子 and 家长 are in every document; 严重 in none, so its characters are not looked for either.
    expect(plan.keyText).toBe('近视')
  })

  it('does not correct to a word with different pinyin', () => {
    expect(planQuery('狗头', spellings, lookup).terms).not.toContain('沟通')
  })

  it('expands synonyms, including synonyms of a corrected word', () => {
    expect(planQuery('老人带娃', spellings, lookup).terms).toEqual(expect.arrayContaining(['祖辈', '隔代']))
    expect(planQuery('孩子判逆', spellings, lookup).terms).toEqual(expect.arrayContaining(['叛逆', '逆反']))
  })

  it('turns typed pinyin, even run together, into the bank’s words', () => {
    expect(planQuery('jiaolv', spellings, lookup).terms).toContain('焦虑')
    expect(planQuery('qinzigoutong', spellings, lookup).terms).toEqual(expect.arrayContaining(['亲子', '沟通']))
  })

  it('searches longer Latin input by prefix and ignores single letters', () => {
    const plan = planQuery('qzgt a', spellings, lookup)
    expect(plan.prefixTerms.has('qzgt')).toBe(true)
    expect(plan.terms).not.toContain('a')
  })

  it('notices grades, stages and types the query names', () => {
    expect(planQuery('三年级 孩子不爱写作业', spellings, lookup)).toMatchObject({ grades: ['p3'], stages: [] })
    expect(planQuery('七年级', spellings, lookup).grades).toEqual(['j1'])
    expect(planQuery('初中 叛逆 案例', spellings, lookup)).toMatchObject({ stages: ['junior'], types: ['case-study'] })
  })

  it('plans nothing for punctuation only', () => {
    expect(planQuery('？？！', spellings, lookup).terms).toEqual([])
  })
})
