import { describe, expect, it } from 'vitest'
import { normalizeText } from './normalize.ts'
import { pinyinWordsOf, wholePinyinOf } from './pinyin.ts'
import { synonymsOf } from './synonyms.ts'
import { hanBigrams, tokenize } from './tokenize.ts'

describe('normalizeText', () => {
  it.each([
    ['親子溝通', '亲子沟通'],
    ['孩子玩手機停不下來', '孩子玩手机停不下来'],
    ['ＡＤＨＤ　孩子', 'adhd 孩子'],
    ['  考前\n睡不著 ', '考前 睡不着'],
    // Taiwan's words, not only its characters: a parent's 影片 finds the 视频 lessons.
    ['孩子一直看影片', '孩子一直看视频'],
    ['網路成癮', '网络成瘾'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })
})

describe('tokenize', () => {
  it('lets a short word find a longer compound through bigrams', () => {
    expect(tokenize('考试焦虑怎么办')).toContain('焦虑')
  })

  it('gives Traditional and Simplified text the same terms', () => {
    expect(tokenize('親子溝通')).toEqual(tokenize('亲子沟通'))
  })

  it('keeps a grade together even where ICU splits it', () => {
    expect(tokenize('三年级孩子不爱写作业')).toEqual(expect.arrayContaining(['年级', '三年', '作业', '孩子']))
  })

  it('keeps Latin and digit runs', () => {
    expect(tokenize('ADHD 孩子 12355')).toEqual(expect.arrayContaining(['adhd', '12355']))
  })

  it('bigrams a run of Han characters', () => {
    expect(hanBigrams('沟通')).toEqual(['沟通'])
    expect(hanBigrams('亲子沟通')).toEqual(['亲子', '子沟', '沟通'])
    expect(hanBigrams('娃')).toEqual(['娃'])
  })
})

describe('pinyin of words and whole texts', () => {
  it('gives full pinyin and initials of each word and of the whole text', () => {
    const words = pinyinWordsOf('亲子沟通')
    const whole = wholePinyinOf('亲子沟通')
    expect(words.full).toEqual(expect.arrayContaining(['goutong']))
    expect([...words.initials, ...whole.initials]).toEqual(expect.arrayContaining(['qzgt', 'gt']))
    expect(whole.full).toBe('qinzigoutong')
  })

  it('maps a homophone typo to the same pinyin as the right word', () => {
    expect(wholePinyinOf('勾通').full).toEqual(wholePinyinOf('沟通').full)
  })
})

describe('synonymsOf', () => {
  it('finds the words parents use for the bank’s terms', () => {
    expect(synonymsOf('老人')).toEqual(expect.arrayContaining(['祖辈', '隔代']))
    expect(synonymsOf('叛逆')).toContain('逆反')
    expect(synonymsOf('不存在的词')).toEqual([])
  })
})
