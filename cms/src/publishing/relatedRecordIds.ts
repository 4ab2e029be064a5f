import type { PublicCollection } from '../collections/contentTypes'
import type { RecordLookups, RelationValue } from './recordLookups'

/** One relationship field of a document, with the collection it points to. */
export type RelatedField = readonly [collection: PublicCollection, value: RelationValue | readonly RelationValue[] | null | undefined]

// Array.isArray does not narrow a readonly array out of a union.
function isList(value: RelationValue | readonly RelationValue[]): value is readonly RelationValue[] {
  return Array.isArray(value)
}

/** The record ids of the published documents some relationship fields name, in field order; drafts and missing ones are left out. */
export function relatedRecordIds(lookups: RecordLookups, ...fields: readonly RelatedField[]): string[] {
  return fields.flatMap(([collection, value]) => {
    const values = value === null || value === undefined ? [] : isList(value) ? value : [value]
    return values.map((entry) => lookups.recordIdOf(collection, entry)).filter((id): id is string => Boolean(id))
  })
}
