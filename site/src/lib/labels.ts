import {
  audiences,
  categories,
  contentTypes,
  familySituations,
  gradeByCode,
  labelOf,
  occasions,
  organizationTypes,
  parentLabelOf,
  stages,
} from '@gongyu/contract'
import type { PublicRecord } from '@gongyu/contract'

/** Chinese labels for the vocabulary codes a page shows, in the words parents use; unknown codes show as themselves. */
export const label = {
  stage: (code: string) => labelOf(stages, code) ?? code,
  grade: (code: string) => gradeByCode(code)?.label ?? code,
  category: (code: string) => labelOf(categories, code) ?? code,
  audience: (code: string) => labelOf(audiences, code) ?? code,
  familySituation: (code: string) => labelOf(familySituations, code) ?? code,
  occasion: (code: string) => labelOf(occasions, code) ?? code,
  organizationType: (code: string) => labelOf(organizationTypes, code) ?? code,
  type: (code: string) => parentLabelOf(contentTypes, code) ?? code,
}

/** “45 分钟”, “3.5 分钟”, and “12 秒” under a minute (a short sample video's real length); empty when unknown. */
export function minutesLabel(minutes: number | null): string {
  if (!minutes) return ''
  if (minutes < 1) return `${Math.max(1, Math.round(minutes * 60))} 秒`
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} 分钟`
}

/** The grades of a record as one phrase: “三年级”, “初一、初二”, or its stages. */
export function gradesLabel(record: Pick<PublicRecord, 'grades' | 'stages'>): string {
  if (record.grades.length > 0) return record.grades.map(label.grade).join('、')
  return record.stages.map(label.stage).join('、')
}

/** “11月” for a month number. */
export function monthLabel(month: number): string {
  return `${month}月`
}

/** ISO 8601 duration for schema.org, e.g. PT45M or PT3M30S. */
export function isoDuration(minutes: number | null): string | undefined {
  if (!minutes) return undefined
  const seconds = Math.round(minutes * 60)
  const wholeMinutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return `PT${wholeMinutes}M${rest ? `${rest}S` : ''}`
}

/** “2026年9月12日” from an ISO date. */
export function dateLabel(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number)
  return `${year}年${month}月${day}日`
}
