import { contentLimits } from '@gongyu/contract'
import { describe, expect, it } from 'vitest'
import type { ContentFile } from '../content/readContent.ts'
import { checkFrontMatter } from './frontMatterProblems.ts'
import { formatProblem } from './problem.ts'

const summary =
  '这节课帮助家长看懂孩子入园第一个月的哭闹和反复，学会用简短坚定的告别、固定的接送时间和与老师的配合，陪孩子一步一步适应集体生活。家长也会知道哪些信号说明孩子需要更多支持，什么时候该和老师一起想办法。'

function lesson(overrides: Record<string, unknown> = {}): ContentFile {
  return {
    kind: 'lesson',
    slug: 'k1-01-separation',
    file: 'lessons/k1/k1-01-separation.md',
    data: {
      title: '入园第一个月',
      grade: 'k1',
      sequence: 1,
      category: 'basic',
      themes: ['emotions'],
      audience: ['parents'],
      durationMinutes: 30,
      summary,
      objectives: ['说出哭闹原因', '学会告别方式', '记录适应情况'],
      reflectionQuestions: ['告别时我是什么心情？'],
      ...overrides,
    },
    body: '',
  }
}

function lessonPlan(overrides: Record<string, unknown> = {}): ContentFile {
  const step = (minutes: number, activity: string) => ({ minutes, activity, teacher: '班主任讲解并提问。', parents: '家长讨论并记录。' })
  return {
    kind: 'lesson-plan',
    slug: 'plan-k1-separation',
    file: 'lesson-plans/plan-k1-separation.md',
    data: {
      title: '家长课堂：入园分离焦虑',
      lesson: 'k1-01-separation',
      grade: 'k1',
      durationMinutes: 60,
      objectives: ['家长了解分离焦虑', '家长学会告别方式'],
      preparation: '提前一周发通知，准备签到表、学习单和一段入园视频，请两位家长分享经验。',
      materials: ['签到表', '家长学习单'],
      steps: [step(20, '暖场'), step(20, '讲解'), step(20, '练习')],
      evaluation: '会后请家长填写出门卡，一周后在班级群里回访孩子入园的情况和家长的做法。',
      ...overrides,
    },
    body: '',
  }
}

function printed(item: ContentFile): string[] {
  return checkFrontMatter(item).map(formatProblem)
}

describe('front matter schemas', () => {
  it('accept well-formed front matter', () => {
    expect(printed(lesson())).toEqual([])
    expect(printed(lessonPlan())).toEqual([])
  })

  it('name a missing title', () => {
    const { title: _title, ...withoutTitle } = lesson().data
    expect(printed({ ...lesson(), data: withoutTitle })).toEqual(['lessons/k1/k1-01-separation.md › title: 必填'])
    expect(printed(lesson({ title: '' }))).toEqual(['lessons/k1/k1-01-separation.md › title: 必填'])
  })

  it('name a code outside the vocabulary, with the codes it could be', () => {
    expect(printed(lesson({ category: 'premium' }))).toEqual([
      'lessons/k1/k1-01-separation.md › category: 未知取值 "premium"，可选：general / basic / custom / online',
    ])
    expect(printed(lesson({ audience: ['parents', 'uncles'] }))).toEqual([
      'lessons/k1/k1-01-separation.md › audience[1]: 未知取值 "uncles"，可选：parents / grandparents / teachers',
    ])
  })

  it('hold durations to the CMS range, not a range of their own', () => {
    const { min, max } = contentLimits.lesson.durationMinutes
    expect(printed(lesson({ durationMinutes: max + 1 }))).toEqual([
      `lessons/k1/k1-01-separation.md › durationMinutes: 应在 ${min}–${max} 之间，现为 ${max + 1}`,
    ])
    expect(printed(lesson({ durationMinutes: min - 1 }))).toEqual([
      `lessons/k1/k1-01-separation.md › durationMinutes: 应在 ${min}–${max} 之间，现为 ${min - 1}`,
    ])
    expect(printed(lesson({ durationMinutes: min }))).toEqual([])
    expect(printed(lesson({ durationMinutes: max }))).toEqual([])
    expect(printed(lesson({ durationMinutes: 30.5 }))).toEqual(['lessons/k1/k1-01-separation.md › durationMinutes: 应为整数'])
    expect(printed(lesson({ durationMinutes: '30' }))).toEqual(['lessons/k1/k1-01-separation.md › durationMinutes: 应为整数'])
  })

  it('hold a title to the CMS length, counted as the CMS counts it', () => {
    const longest = contentLimits.title.maxLength
    expect(printed(lesson({ title: '长'.repeat(longest) }))).toEqual([])
    expect(printed(lesson({ title: '长'.repeat(longest + 1) }))).toEqual([`lessons/k1/k1-01-separation.md › title: ${longest + 1} 字，最多 ${longest} 字`])
  })

  it('hold lists to the CMS row counts, and refuse repeats', () => {
    const { maxRows } = contentLimits.themes
    const themes = Array.from({ length: maxRows + 1 }, (_, index) => `theme-${index}`)
    expect(printed(lesson({ themes }))).toEqual([`lessons/k1/k1-01-separation.md › themes: 应有 1–${maxRows} 项，现为 ${maxRows + 1} 项`])
    expect(printed(lesson({ themes: ['emotions', 'emotions'] }))).toEqual(['lessons/k1/k1-01-separation.md › themes: 有重复项'])
    expect(printed(lesson({ reflectionQuestions: undefined }))).toEqual([])
  })

  it('name a misspelt field instead of ignoring it', () => {
    expect(printed(lesson({ durationMinute: 30 }))).toEqual(['lessons/k1/k1-01-separation.md › durationMinute: 未知字段，可能拼错了'])
  })

  it('name the field inside a step, and check that the steps add up to the duration', () => {
    const { steps } = lessonPlan().data as { steps: Record<string, unknown>[] }
    expect(printed(lessonPlan({ steps: [{ ...steps[0], parents: undefined }, steps[1], steps[2]] }))).toEqual([
      'lesson-plans/plan-k1-separation.md › steps[0].parents: 必填',
    ])
    expect(printed(lessonPlan({ durationMinutes: 75 }))).toEqual(['lesson-plans/plan-k1-separation.md › steps: 各环节共 60 分钟，与 durationMinutes 75 不符'])
  })

  it('ask each course-list entry for exactly one of lesson and microLesson', () => {
    const courseList = (items: unknown[]): ContentFile => ({
      kind: 'course-list',
      slug: 'list-test',
      file: 'course-lists/list-test.md',
      data: { title: '测试课程清单', organization: 'org-test', items },
      body: '',
    })
    expect(printed(courseList([{ lesson: 'k1-01-separation', date: '2026-09-12', note: '开学第二周' }]))).toEqual([])
    expect(printed(courseList([{ lesson: 'k1-01-separation', microLesson: 'micro-k1-goodbye' }, { note: '只有备注' }]))).toEqual([
      'course-lists/list-test.md › items[0]: 每项需要 lesson 或 microLesson 之一',
      'course-lists/list-test.md › items[1]: 每项需要 lesson 或 microLesson 之一',
    ])
    expect(printed(courseList([{ lesson: 'k1-01-separation', date: '9月12日' }]))).toEqual([
      'course-lists/list-test.md › items[0].date: 应为日期，例如 2026-09-12',
    ])
  })
})
