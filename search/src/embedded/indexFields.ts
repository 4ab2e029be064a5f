import type { IndexedField } from './fieldBoosts.ts'
import { familySituations, gradeByCode, labelOf, stages } from '@gongyu/contract'
import type { PublicRecord } from '@gongyu/contract'
import { pinyinWordsOf, wholePinyinOf } from '../text/pinyin.ts'

/** Grade, stage and family-situation names of a record, so 三年级, 初中 or 留守 in a query finds it even when its text does not say so. */
export function audienceLabelsOf(record: Pick<PublicRecord, 'grades' | 'stages' | 'familySituations'>): string {
  const gradeLabels = record.grades.map((grade) => gradeByCode(grade)?.label ?? '')
  const stageLabels = record.stages.map((stage) => stages.find((entry) => entry.code === stage)?.label ?? '')
  const situationLabels = record.familySituations.map((situation) => labelOf(familySituations, situation) ?? '')
  return [...gradeLabels, ...stageLabels, ...situationLabels].filter(Boolean).join(' ')
}

/** The indexed text of a record, field by field. Bodies are optional so the browser index stays small. */
export function indexFieldsOf(record: PublicRecord, withBody: boolean): Record<IndexedField, string> {
  const words = pinyinWordsOf([record.title, ...record.themeNames].join(' '))
  const wholes = [record.title, ...record.themeNames].map(wholePinyinOf)
  return {
    titleText: record.title,
    themeText: record.themeNames.join(' '),
    labelText: audienceLabelsOf(record),
    summaryText: record.summary,
    bodyText: withBody ? record.bodyText : '',
    pinyin: [...words.full, ...wholes.map((whole) => whole.full)].join(' '),
    initials: [...new Set([...words.initials, ...wholes.flatMap((whole) => whole.initials)])].join(' '),
  }
}
