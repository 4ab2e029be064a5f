import { gradeByCode, recordId, urlFor, type ContentTypeCode, type GradeCode, type PublicRecord } from '@gongyu/contract'
import type { RecordLookups, RelationValue } from './recordLookups'

/** What every content type's document has that the record's common fields come from. */
export interface PublishableDocument {
  title: string
  slug: string
  updatedAt: string
  createdAt: string
  _status?: ('draft' | 'published') | null
}

/** The record fields each type's mapping must fill itself; the others have a common value or a default. */
export type RecordDetail = Pick<PublicRecord, 'summary' | 'bodyText' | 'sections' | 'related' | 'stages' | 'audience'>

/** A record without the fields each type fills itself. */
export type RecordBase = Omit<PublicRecord, keyof RecordDetail>

interface RecordBaseInput {
  type: ContentTypeCode
  doc: PublishableDocument
  grades: readonly GradeCode[]
  themes: readonly RelationValue[]
}

/**
 * The fields every record has, from the document's title, slug, grades and
 * themes, with fresh defaults for the fields most types leave empty (fresh,
 * because records are later edited in place). Undefined for anything that is
 * not published, so a draft can never leave the CMS through a mapping.
 */
export function recordBase({ type, doc, grades, themes }: RecordBaseInput, lookups: RecordLookups): RecordBase | undefined {
  if (doc._status !== 'published' || typeof doc.slug !== 'string' || typeof doc.title !== 'string') return undefined
  const themeReferences = themes.map(lookups.themeOf).filter((theme) => theme !== undefined)
  return {
    id: recordId(type, doc.slug),
    type,
    slug: doc.slug,
    url: urlFor(type, doc.slug),
    title: doc.title,
    grades: [...grades],
    gradeOrder: Math.min(99, ...grades.map((grade) => gradeByCode(grade)?.order ?? 99)),
    themes: themeReferences.map((theme) => theme.slug),
    themeNames: themeReferences.map((theme) => theme.name),
    publishedAt: new Date(doc.updatedAt || doc.createdAt || Date.now()).toISOString(),
    sequence: null,
    month: null,
    occasion: null,
    presenter: null,
    video: null,
    category: null,
    durationMinutes: null,
    familySituations: [],
  }
}
