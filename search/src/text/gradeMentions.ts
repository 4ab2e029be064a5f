import { grades, stages, type ContentTypeCode, type GradeCode, type StageCode } from '@gongyu/contract'
import { normalizeText } from './normalize.ts'

// Other everyday names for grades: 七年级 is 初一, and so on.
const gradeAliases: Record<string, GradeCode> = { 七年级: 'j1', 八年级: 'j2', 九年级: 'j3', 小一: 'p1', 幼小衔接: 'k3' }
const stageAliases: Record<string, StageCode> = { 幼儿: 'kindergarten', 中学: 'junior', 高考: 'senior', 中考: 'junior' }

/** The grades and stages a query names (三年级, 初二, 七年级, 高中…), for ranking those items first. */
export function mentionedGradesAndStages(text: string): { grades: GradeCode[]; stages: StageCode[] } {
  const normalized = normalizeText(text)
  const gradeCodes = new Set<GradeCode>()
  for (const grade of grades) if (grade.code !== 'special' && (normalized.includes(grade.label) || normalized.includes(grade.short))) gradeCodes.add(grade.code)
  for (const [alias, code] of Object.entries(gradeAliases)) if (normalized.includes(alias)) gradeCodes.add(code)
  const stageCodes = new Set<StageCode>()
  for (const stage of stages) if (stage.code !== 'special' && normalized.includes(stage.label)) stageCodes.add(stage.code)
  for (const [alias, code] of Object.entries(stageAliases)) if (normalized.includes(alias)) stageCodes.add(code)
  return { grades: [...gradeCodes], stages: [...stageCodes] }
}

// Words parents use when they want one kind of item.
const typeWords: Record<ContentTypeCode, string[]> = {
  lesson: ['课程', '专题课'],
  'micro-lesson': ['微课', '视频'],
  'case-study': ['案例', '例子'],
  'lesson-plan': ['教案', '教学设计', '家长会方案'],
  'activity-plan': ['活动方案', '活动策划', '亲子活动'],
}

/** The content types a query asks for by name (案例 → case studies, 教案 → lesson plans). */
export function mentionedTypes(text: string): ContentTypeCode[] {
  const normalized = normalizeText(text)
  return (Object.keys(typeWords) as ContentTypeCode[]).filter((type) => typeWords[type].some((word) => normalized.includes(word)))
}
