import type { ContentTypeCode, PublicRecord } from '@gongyu/contract'
import type { CollectionConfig } from 'payload'
import type { Config } from '../payload-types'
import type { RecordLookups } from '../publishing/recordLookups'
import { ActivityPlans } from './ActivityPlans'
import { activityPlanToPublicRecord } from './ActivityPlans/toPublicRecord'
import { CaseStudies } from './CaseStudies'
import { Events } from './Events'
import { eventToPublicRecord } from './Events/toPublicRecord'
import { caseStudyToPublicRecord } from './CaseStudies/toPublicRecord'
import { LessonPlans } from './LessonPlans'
import { lessonPlanToPublicRecord } from './LessonPlans/toPublicRecord'
import { Lessons } from './Lessons'
import { lessonToPublicRecord } from './Lessons/toPublicRecord'
import { MicroLessons } from './MicroLessons'
import { microLessonToPublicRecord } from './MicroLessons/toPublicRecord'

type CollectionDocuments = Config['collections']

/** A content type: its collection, the record type its published documents become, and the typed mapping that makes them. */
export interface ContentType<Slug extends keyof CollectionDocuments> {
  collection: CollectionConfig
  type: ContentTypeCode
  toPublicRecord: (doc: CollectionDocuments[Slug], lookups: RecordLookups) => PublicRecord | undefined
}

const registry = {
  lessons: { collection: Lessons, type: 'lesson', toPublicRecord: lessonToPublicRecord },
  'micro-lessons': { collection: MicroLessons, type: 'micro-lesson', toPublicRecord: microLessonToPublicRecord },
  'case-studies': { collection: CaseStudies, type: 'case-study', toPublicRecord: caseStudyToPublicRecord },
  'lesson-plans': { collection: LessonPlans, type: 'lesson-plan', toPublicRecord: lessonPlanToPublicRecord },
  'activity-plans': { collection: ActivityPlans, type: 'activity-plan', toPublicRecord: activityPlanToPublicRecord },
  events: { collection: Events, type: 'event', toPublicRecord: eventToPublicRecord },
} as const satisfies { [Slug in keyof CollectionDocuments]?: ContentType<Slug> }

/** A CMS collection whose published documents become public records. */
export type PublicCollection = keyof typeof registry

/**
 * The content types, keyed by collection slug. Adding one is a folder in
 * collections/ (its config, hooks, mapping and the mapping's test) and one
 * line here; the Payload config takes its collections from this list.
 */
export const contentTypes: { readonly [Slug in PublicCollection]: ContentType<Slug> } = registry

/** The document type of a content type's collection. */
export type ContentDocument<Slug extends PublicCollection = PublicCollection> = CollectionDocuments[Slug]

/** Each content-type collection with the record type its documents become. */
export const publicCollections = Object.fromEntries(Object.entries(registry).map(([slug, { type }]) => [slug, type])) as {
  readonly [Slug in PublicCollection]: (typeof registry)[Slug]['type']
}

/** The public record of a document of a content type; undefined for anything not published. */
export function toPublicRecord<Slug extends PublicCollection>(collection: Slug, doc: ContentDocument<Slug>, lookups: RecordLookups): PublicRecord | undefined {
  const contentType: ContentType<Slug> = contentTypes[collection]
  return contentType.toPublicRecord(doc, lookups)
}
