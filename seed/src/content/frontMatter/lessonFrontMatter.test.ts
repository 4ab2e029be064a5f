import { describe, expect, it } from 'vitest'
import { lessonOrder } from './fieldSchemas.ts'
import { isCoreLesson } from './lessonFrontMatter.ts'

describe('a lesson’s teaching order in front matter', () => {
  it('takes what the CMS takes: past 20, and a decimal to insert between two lessons', () => {
    for (const value of [1, 20, 21, 150, 5.5]) expect(lessonOrder().safeParse(value).success).toBe(true)
  })

  it('refuses what the CMS refuses, in Chinese', () => {
    for (const value of [0, 5.555, 100000, '5']) {
      const result = lessonOrder().safeParse(value)
      expect(result.success).toBe(false)
      expect(result.error?.issues[0]?.message).toMatch(/^应为/)
    }
  })
})

describe('whether a starter lesson is core', () => {
  it('is core unless its front matter says core: false, so the bank’s 20 a grade are its core 20', () => {
    expect(isCoreLesson({})).toBe(true)
    expect(isCoreLesson({ core: true })).toBe(true)
    expect(isCoreLesson({ core: false })).toBe(false)
  })
})
