import { describe, expect, it } from 'vitest'
import { contentTypes, parentLabelOf, parentTerm, terms } from './vocabulary.ts'

// The expert words issue 14 found that a grandmother does not know.
const EXPERT_WORDS = ['微课', '典型案例', '逐字稿', '千比特', '学段', '课程类别']

describe('the words parents read', () => {
  it('name the content types in plain words and keep the expert labels for the admin', () => {
    expect(parentLabelOf(contentTypes, 'micro-lesson')).toBe('短视频课')
    expect(parentLabelOf(contentTypes, 'case-study')).toBe('别人家的故事')
    expect(contentTypes.find((type) => type.code === 'micro-lesson')?.label).toBe('微课')
    expect(contentTypes.find((type) => type.code === 'case-study')?.label).toBe('典型案例')
    expect(parentLabelOf(contentTypes, 'no-such-type')).toBeUndefined()
  })

  it('replace each expert term', () => {
    expect(parentTerm('stage')).toBe('孩子阶段')
    expect(parentTerm('category')).toBe('内容类型')
    expect(parentTerm('transcript')).toBe('文字稿')
    expect(terms.map((term) => term.label)).toEqual(expect.arrayContaining(['学段', '课程类别', '逐字稿', '千比特']))
  })

  it('never use an expert word in a parent label', () => {
    const parentLabels = [...contentTypes, ...terms].map((entry) => entry.parentLabel)
    for (const word of EXPERT_WORDS)
      expect(
        parentLabels.filter((text) => text.includes(word)),
        word,
      ).toEqual([])
  })
})
