import type { PublicVideo } from '@gongyu/contract'
import type { PublicCollection } from '../collections/contentTypes'
import type { MicroLesson } from '../payload-types'
import type { MediaLookup } from './mediaLookup'

/** A relationship as a document holds it: the id at depth 0, the document when populated. */
export type RelationValue = string | number | { id: string | number }

/** A theme as records name it. */
export interface ThemeReference {
  slug: string
  name: string
}

/** A published place as an event names it. */
export interface PlaceReference {
  slug: string
  name: string
  address: string
}

/** What a mapping needs from outside the document: referenced themes, records, videos and media. */
export interface RecordLookups {
  themeOf: (value: RelationValue) => ThemeReference | undefined
  /** The record id of a referenced published document; undefined for drafts and missing ones. */
  recordIdOf: (collection: PublicCollection, value: RelationValue) => string | undefined
  /** The theme references of a published lesson (a lesson plan has the themes of its lesson). */
  lessonThemesOf: (value: RelationValue) => RelationValue[]
  /** The playable video of an upload, once it is transcoded. */
  videoOf: (video: MicroLesson['video'], captions: MicroLesson['captions']) => PublicVideo | null
  /** The media document a rich-text upload node names; without it, uploads render nothing. */
  mediaOf?: MediaLookup
  /** The slug of a referenced organization (an event's host); without it, records name none. */
  organizationSlugOf?: (value: RelationValue) => string | undefined
  /** A published place of the service map (an event's place); undefined for drafts and missing ones. */
  placeOf?: (value: RelationValue) => PlaceReference | undefined
}
