import { countCharacters, splitSections } from '../content/markdown.ts'
import type { ContentKind } from '../content/contentKinds.ts'
import type { ContentFile } from '../content/readContent.ts'
import type { ContentProblem } from './problem.ts'

/** A `## ` section a body must have, and the fewest 字 under it. */
export interface RequiredSection {
  heading: string
  min: number
}

/** The body sections every lesson has, in order; 亲子练习 becomes the practice activity. */
export const lessonSections = [
  { heading: '为什么重要', min: 120 },
  { heading: '常见误区', min: 120 },
  { heading: '家长可以这样做', min: 200 },
  { heading: '亲子练习', min: 80 },
] as const satisfies readonly RequiredSection[]

/** The four sections every case study has, in order. */
export const caseStudySections = [
  { heading: '背景', min: 100 },
  { heading: '问题描述', min: 100 },
  { heading: '解决策略', min: 100 },
  { heading: '结果评估', min: 100 },
] as const satisfies readonly RequiredSection[]

export const LESSON_PLAN_HANDOUT_HEADING = '家长学习单'

/** What the body of each kind must hold, in 字: the required sections in order, or just a length. */
const bodyStandards: Record<ContentKind, { sections?: readonly RequiredSection[]; min: number; max?: number }> = {
  lesson: { sections: lessonSections, min: 600 },
  'case-study': { sections: caseStudySections, min: 500, max: 1600 },
  'lesson-plan': { sections: [{ heading: LESSON_PLAN_HANDOUT_HEADING, min: 200 }], min: 200 },
  'activity-plan': { min: 150 },
  // The body is the event's summary, which the CMS holds to contentLimits.event.summary.
  event: { min: 40, max: 300 },
  'micro-lesson': { min: 300, max: 1200 },
  organization: { min: 30 },
  'course-list': { min: 0 },
}

/** Checks an item's Markdown body: its `## ` sections in order, each long enough, and its total length. */
export function checkBody(item: ContentFile): ContentProblem[] {
  const problems: ContentProblem[] = []
  const fail = (field: string, message: string) => problems.push({ file: item.file, field, message })
  const standard = bodyStandards[item.kind]
  if (!standard.sections) {
    const length = countCharacters(item.body)
    if (length < standard.min) fail('正文', `${length} 字，至少 ${standard.min} 字`)
    if (standard.max !== undefined && length > standard.max) fail('正文', `${length} 字，最多 ${standard.max} 字`)
    return problems
  }
  const sections = splitSections(item.body)
  const headings = sections.map((section) => section.heading)
  const expected = standard.sections.map((section) => section.heading)
  if (JSON.stringify(headings) !== JSON.stringify(expected)) {
    fail('正文', `小节应依次为「${expected.join(' / ')}」，现为「${headings.join(' / ') || '无'}」`)
  }
  for (const rule of standard.sections) {
    const section = sections.find((candidate) => candidate.heading === rule.heading)
    if (!section) continue
    const length = countCharacters(section.text)
    if (length < rule.min) fail(`正文 › ${rule.heading}`, `${length} 字，至少 ${rule.min} 字`)
  }
  const length = countCharacters(sections.map((section) => section.text).join('\n'))
  if (length < standard.min) fail('正文', `共 ${length} 字，至少 ${standard.min} 字`)
  if (standard.max !== undefined && length > standard.max) fail('正文', `共 ${length} 字，最多 ${standard.max} 字`)
  return problems
}
