import { audiences, caseSourceTypes, categories, codesOf, familySituations, grades, occasions, organizationTypes, stages } from '@gongyu/search/vocabulary'
import type { ContentFile, ContentKind } from '../content/readContent.ts'
import { FieldChecker } from './fieldChecks.ts'
import type { ContentProblem } from './problem.ts'

/** The body sections every lesson has, in order; 亲子练习 becomes the practice activity. */
export const lessonSections = [
  { heading: '为什么重要', min: 120 },
  { heading: '常见误区', min: 120 },
  { heading: '家长可以这样做', min: 200 },
  { heading: '亲子练习', min: 80 },
] as const

/** The four sections every case study has, in order. */
export const caseStudySections = [
  { heading: '背景', min: 100 },
  { heading: '问题描述', min: 100 },
  { heading: '解决策略', min: 100 },
  { heading: '结果评估', min: 100 },
] as const

export const LESSON_PLAN_HANDOUT_HEADING = '家长学习单'

const gradeCodes = codesOf(grades)
const stageCodes = codesOf(stages)

function checkLesson(check: FieldChecker, item: ContentFile, themeSlugs: readonly string[]): void {
  check.text('title', { min: 4, max: 40 })
  check.code('grade', gradeCodes)
  check.integer('sequence', 1, 20)
  check.code('category', codesOf(categories))
  check.list('themes', { min: 1, max: 3, allowed: themeSlugs })
  check.list('audience', { min: 1, max: 3, allowed: codesOf(audiences) })
  check.integer('durationMinutes', 15, 90)
  check.text('summary', { min: 80, max: 200 })
  check.list('objectives', { min: 3, max: 5, itemMin: 4 })
  check.list('reflectionQuestions', { min: 2, max: 3, itemMin: 6 })
  check.sections(lessonSections, { min: 600 })
  const { grade, sequence } = item.data
  if (typeof grade === 'string' && typeof sequence === 'number') {
    const expectedPrefix = `${grade}-${String(sequence).padStart(2, '0')}-`
    if (!item.slug.startsWith(expectedPrefix)) {
      check.problems.push({ file: item.file, field: 'slug', message: `文件名应以 ${expectedPrefix} 开头` })
    }
    if (!item.file.startsWith(`lessons/${grade}/`)) {
      check.problems.push({ file: item.file, field: 'grade', message: `应放在 lessons/${grade}/ 文件夹` })
    }
  }
}

function checkCaseStudy(check: FieldChecker, themeSlugs: readonly string[]): void {
  check.text('title', { min: 4, max: 40 })
  check.list('themes', { min: 1, max: 3, allowed: themeSlugs })
  check.code('stage', stageCodes)
  check.list('grades', { min: 0, max: 3, allowed: gradeCodes })
  check.code('sourceType', codesOf(caseSourceTypes))
  check.text('region', { min: 3, max: 20 })
  check.list('familySituations', { min: 1, max: 5, allowed: codesOf(familySituations) })
  check.sections(caseStudySections, { min: 500, max: 1600 })
}

function checkLessonPlan(check: FieldChecker, item: ContentFile): void {
  check.text('title', { min: 4, max: 40 })
  check.text('lesson')
  check.code('grade', gradeCodes)
  check.integer('durationMinutes', 45, 90)
  check.list('objectives', { min: 2, max: 4, itemMin: 4 })
  check.text('preparation', { min: 20 })
  check.list('materials', { min: 1, max: 12, itemMin: 2 })
  check.text('evaluation', { min: 30 })
  check.sections([{ heading: LESSON_PLAN_HANDOUT_HEADING, min: 200 }], { min: 200 })
  const steps = check.list('steps', { min: 4, max: 8 })
  let minutes = 0
  steps.forEach((step, index) => {
    const value = step as Record<string, unknown>
    for (const key of ['activity', 'teacher', 'parents']) {
      if (typeof value?.[key] !== 'string' || value[key] === '') {
        check.problems.push({ file: item.file, field: `steps[${index}].${key}`, message: '必填' })
      }
    }
    if (typeof value?.minutes !== 'number' || value.minutes < 1) {
      check.problems.push({ file: item.file, field: `steps[${index}].minutes`, message: '应为正整数' })
    } else {
      minutes += value.minutes
    }
  })
  if (steps.length > 0 && minutes !== item.data.durationMinutes) {
    check.problems.push({
      file: item.file,
      field: 'steps',
      message: `各环节共 ${minutes} 分钟，与 durationMinutes ${String(item.data.durationMinutes)} 不符`,
    })
  }
}

function checkActivityPlan(check: FieldChecker, item: ContentFile): void {
  check.text('title', { min: 4, max: 40 })
  check.code('occasion', codesOf(occasions))
  check.integer('month', 1, 12)
  check.list('stages', { min: 1, max: 5, allowed: stageCodes })
  check.list('goals', { min: 2, max: 4, itemMin: 4 })
  check.list('materials', { min: 1, max: 12, itemMin: 2 })
  check.list('safetyNotes', { min: 1, max: 4, itemMin: 6 })
  check.bodyLength(150)
  const steps = check.list('steps', { min: 3, max: 8 })
  steps.forEach((step, index) => {
    const value = step as Record<string, unknown>
    if (typeof value?.title !== 'string' || typeof value?.detail !== 'string') {
      check.problems.push({ file: item.file, field: `steps[${index}]`, message: '每一步需要 title 和 detail' })
    }
  })
}

function checkMicroLesson(check: FieldChecker, themeSlugs: readonly string[]): void {
  check.text('title', { min: 4, max: 40 })
  check.text('lesson')
  check.list('grades', { min: 1, max: 3, allowed: gradeCodes })
  check.list('themes', { min: 1, max: 3, allowed: themeSlugs })
  check.integer('durationSeconds', 60, 900)
  check.text('presenter', { min: 3, max: 30 })
  check.bodyLength(300, 1200)
}

function checkOrganization(check: FieldChecker): void {
  check.text('name', { min: 4, max: 40 })
  check.code('type', codesOf(organizationTypes))
  check.text('region', { min: 3, max: 20 })
  check.list('allowedOrigins', { min: 0, max: 10 })
  check.bodyLength(30)
}

function checkCourseList(check: FieldChecker, item: ContentFile): void {
  check.text('title', { min: 4, max: 40 })
  check.text('organization')
  const entries = check.list('items', { min: 1, max: 40 })
  entries.forEach((entry, index) => {
    const value = entry as Record<string, unknown>
    const targets = ['lesson', 'microLesson'].filter((key) => typeof value?.[key] === 'string')
    if (targets.length !== 1) {
      check.problems.push({ file: item.file, field: `items[${index}]`, message: '每项需要 lesson 或 microLesson 之一' })
    }
  })
}

/** Checks the fields of one item against the format for its kind. */
export function checkItem(item: ContentFile, themeSlugs: readonly string[]): ContentProblem[] {
  const check = new FieldChecker(item)
  const checks: Record<ContentKind, () => void> = {
    lesson: () => checkLesson(check, item, themeSlugs),
    'case-study': () => checkCaseStudy(check, themeSlugs),
    'lesson-plan': () => checkLessonPlan(check, item),
    'activity-plan': () => checkActivityPlan(check, item),
    'micro-lesson': () => checkMicroLesson(check, themeSlugs),
    organization: () => checkOrganization(check),
    'course-list': () => checkCourseList(check, item),
  }
  checks[item.kind]()
  return check.problems
}
