import { pinyin } from 'pinyin-pro'
import type { IndexedField } from './fieldBoosts.ts'
import { familySituations, gradeByCode, labelOf, stages } from '../vocabulary.ts'
import type { PublicRecord } from '../record/publicRecord.ts'
import { normalizeText } from '../text/normalize.ts'
import { segmentWords } from '../text/tokenize.ts'


const HAN_RUN = /\p{Script=Han}+/gu
const LONGEST_INITIALS = 8

/** Grade, stage and family-situation names of a record, so 三年级, 初中 or 留守 in a query finds it even when its text does not say so. */
export function audienceLabelsOf(record: Pick<PublicRecord, 'grades' | 'stages' | 'familySituations'>): string {
  const gradeLabels = record.grades.map((grade) => gradeByCode(grade)?.label ?? '')
  const stageLabels = record.stages.map((stage) => stages.find((entry) => entry.code === stage)?.label ?? '')
  const situationLabels = record.familySituations.map((situation) => labelOf(familySituations, situation) ?? '')
  return [...gradeLabels, ...stageLabels, ...situationLabels].filter(Boolean).join(' ')
}

/** Toneless syllables of each character of a Han run, read in context so polyphones come out right. */
function syllablesInContext(run: string): string[] {
  return pinyin(run, { toneType: 'none', type: 'array', v: true })
}

/** Pinyin words of a text: each ICU word of two or more Han characters, spelled in full, with its initials. */
export function pinyinWordsOf(text: string): { full: string[]; initials: string[] } {
  const normalized = normalizeText(text)
  const full = new Set<string>()
  const initials = new Set<string>()
  for (const run of normalized.match(HAN_RUN) ?? []) {
    const syllables = syllablesInContext(run)
    if (syllables.length !== [...run].length) continue
    let offset = 0
    for (const word of segmentWords(run)) {
      const length = [...word].length
      const wordSyllables = syllables.slice(offset, offset + length)
      offset += length
      if (length < 2) continue
      full.add(wordSyllables.join(''))
      initials.add(wordSyllables.map((syllable) => syllable[0]).join(''))
    }
  }
  return { full: [...full], initials: [...initials] }
}

/**
 * Typed pinyin of a short text (a title, a theme name): the whole text
 * spelled out (qinzigoutong…), and its initials from every starting
 * character (qzgt… as well as zgt…), so initials typed for any phrase in
 * it match by prefix.
 */
export function wholePinyinOf(text: string): { full: string; initials: string[] } {
  const runs = normalizeText(text).match(HAN_RUN) ?? []
  const syllables = runs.flatMap(syllablesInContext)
  const initials = runs.flatMap((run) => {
    const letters = syllablesInContext(run).map((syllable) => syllable[0]).join('')
    return [...letters].map((_, start) => letters.slice(start, start + LONGEST_INITIALS)).filter((piece) => piece.length >= 2)
  })
  return { full: syllables.join(''), initials }
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
