import type { PublicVideo } from '@gongyu/contract'
import type { PublicCollection } from '../contentTypes'
import type { RecordLookups, RelationValue, ThemeReference } from '../../publishing/recordLookups'

interface FakeLookupData {
  /** Themes by id. */
  themes?: Record<number, ThemeReference>
  /** Record ids of published documents, by `collection:id`. */
  records?: Partial<Record<`${PublicCollection}:${number}`, string>>
  /** Theme ids of lessons, by lesson id. */
  lessonThemes?: Record<number, number[]>
  /** The video every micro-lesson gets, when it names one. */
  video?: PublicVideo
}

function idOf(value: RelationValue): string {
  return String(typeof value === 'object' ? value.id : value)
}

/** Lookups over fixed data, in place of the ones readPublishedRecords builds from the database. */
export function fakeRecordLookups(data: FakeLookupData = {}): RecordLookups {
  const themes = new Map(Object.entries(data.themes ?? {}))
  const records = new Map<string, string | undefined>(Object.entries(data.records ?? {}))
  const lessonThemes = new Map(Object.entries(data.lessonThemes ?? {}))
  return {
    themeOf: (value) => themes.get(idOf(value)),
    recordIdOf: (collection, value) => records.get(`${collection}:${idOf(value)}`),
    lessonThemesOf: (value) => lessonThemes.get(idOf(value)) ?? [],
    videoOf: (video) => (video !== null && video !== undefined && data.video ? data.video : null),
  }
}
