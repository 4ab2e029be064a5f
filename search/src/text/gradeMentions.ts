import { stages, type ContentTypeCode, type GradeCode, type StageCode } from '@gongyu/contract'
import { namedGrades } from '../query/namedGrades.ts'
import { normalizeText } from './normalize.ts'

const stageAliases: Record<string, StageCode> = { 幼儿: 'kindergarten', 中学: 'junior', 高考: 'senior', 中考: 'junior' }

/** The grades and stages a query names (三年级, 初二, 七年级, 高中…), for ranking those items first. */
export function mentionedGradesAndStages(text: string): { grades: GradeCode[]; stages: StageCode[] } {
  const normalized = normalizeText(text)
  const stageCodes = new Set<StageCode>()
  for (const stage of stages) if (stage.code !== 'special' && normalized.includes(stage.label)) stageCodes.add(stage.code)
  for (const [alias, code] of Object.entries(stageAliases)) if (normalized.includes(alias)) stageCodes.add(code)
  return { grades: namedGrades(normalized), stages: [...stageCodes] }
}

// Words parents use when they want one kind of item.
const typeWords: Record<ContentTypeCode, string[]> = {
  lesson: ['课程', '专题课'],
  'micro-lesson': ['微课', '视频'],
  'case-study': ['案例', '例子'],
  'lesson-plan': ['教案', '教学设计', '家长会方案'],
  'activity-plan': ['活动方案', '活动策划', '亲子活动'],
  event: ['讲座', '直播', '工作坊', '活动日历'],
}

/** The content types a query asks for by name (案例 → case studies, 教案 → lesson plans). */
export function mentionedTypes(text: string): ContentTypeCode[] {
  const normalized = normalizeText(text)
  return (Object.keys(typeWords) as ContentTypeCode[]).filter((type) => typeWords[type].some((word) => normalized.includes(word)))
}

/** Normalized text without the words that asked for a type (案例, 教案…), for an engine that ranks types by filter instead of by words. */
export function withoutTypeWords(normalized: string): string {
  const words = Object.values(typeWords)
    .flat()
    .sort((a, b) => b.length - a.length)
  return words.reduce((text, word) => text.replaceAll(word, ' '), normalized)
}
