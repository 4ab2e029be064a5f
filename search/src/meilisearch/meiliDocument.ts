import { toSearchDocument, type SearchDocument } from '../engine/searchResponse.ts'
import { indexFieldsOf } from '../embedded/indexFields.ts'
import type { PublicRecord } from '@gongyu/contract'
import { hanBigrams, hanRuns } from '../text/tokenize.ts'
import { normalizeText } from '../text/normalize.ts'
import { traditionalTitleOf } from './traditionalTitle.ts'

export { HIGHLIGHT_END, HIGHLIGHT_START } from './meiliMarkers.ts'
const MARKERS = /[\uE000\uE001]/g

/** A record as stored in Meilisearch: the search document plus derived fields for matching. */
export interface MeiliDocument extends SearchDocument {
  /** Primary key: Meilisearch ids allow only letters, digits, `-` and `_`, so `lesson:slug` becomes `lesson__slug`. */
  key: string
  /** The title in Traditional characters, for Traditional widgets (displayed, never searched). */
  titleHant: string
  bodyText: string
  /** Grade, stage and family-situation names. */
  labelText: string
  /** Two-character chunks of the title, summary and themes, so 焦虑 finds 考试焦虑 despite prefix-only word matching. */
  chunks: string
  pinyin: string
  initials: string
  publishedAtTimestamp: number
}

/** The Meilisearch primary key of a record id. */
export function meiliKeyOf(recordId: string): string {
  return recordId.replace(/[^A-Za-z0-9_-]/g, (character) => (character === ':' ? '__' : `_${character.codePointAt(0)?.toString(16)}_`))
}

function stripMarkers(text: string): string {
  return text.replace(MARKERS, '')
}

/** The Meilisearch document of a record. Index time only (pinyin-pro). */
export function toMeiliDocument(record: PublicRecord): MeiliDocument {
  const fields = indexFieldsOf(record, false)
  const document = toSearchDocument(record)
  const chunkSource = normalizeText([record.title, record.summary, ...record.themeNames].join(' '))
  return {
    ...document,
    title: stripMarkers(document.title),
    summary: stripMarkers(document.summary),
    key: meiliKeyOf(record.id),
    titleHant: traditionalTitleOf(stripMarkers(document.title)),
    bodyText: stripMarkers(record.bodyText),
    labelText: fields.labelText,
    chunks: [...new Set(hanRuns(chunkSource).flatMap(hanBigrams))].join(' '),
    pinyin: fields.pinyin,
    initials: fields.initials,
    publishedAtTimestamp: Date.parse(record.publishedAt),
  }
}
