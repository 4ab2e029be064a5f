import type { FlattenedField } from 'payload'
import { uploadNodesOf } from '../fields/lexicalUploadNodes'
import { visitFieldValues } from '../fields/visitFieldValues'

/** The upload collections whose documents the public may see only once published content uses them. */
export const MEDIA_COLLECTIONS = ['media', 'videos', 'captions'] as const
export type MediaCollection = (typeof MEDIA_COLLECTIONS)[number]

type Id = string | number

/** Ids of media documents by collection, keyed by their string form (ids are numbers on SQLite, strings on MongoDB). */
export type MediaReferences = Record<MediaCollection, Map<string, Id>>

/** An empty set of references. */
export function noMediaReferences(): MediaReferences {
  return { media: new Map(), videos: new Map(), captions: new Map() }
}

function isMediaCollection(slug: unknown): slug is MediaCollection {
  return (MEDIA_COLLECTIONS as readonly unknown[]).includes(slug)
}

function idOf(value: unknown): Id | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id)
  return undefined
}

function add(into: MediaReferences, collection: unknown, value: unknown): void {
  const id = idOf(value)
  if (isMediaCollection(collection) && id !== undefined) into[collection].set(String(id), id)
}

function addRelation(field: Extract<FlattenedField, { type: 'upload' | 'relationship' }>, value: unknown, into: MediaReferences): void {
  for (const item of Array.isArray(value) ? value : [value]) {
    if (Array.isArray(field.relationTo)) {
      // Polymorphic: `{ relationTo, value }`.
      const { relationTo, value: target } = (item ?? {}) as { relationTo?: unknown; value?: unknown }
      add(into, relationTo, target)
    } else {
      add(into, field.relationTo, item)
    }
  }
}

/**
 * Collects the media, videos and captions a document refers to, walking its
 * fields by the collection's schema: upload and relationship fields, and
 * upload nodes in rich text, inside arrays, groups, named tabs and blocks.
 */
export function collectMediaReferences(fields: FlattenedField[], data: unknown, into: MediaReferences): MediaReferences {
  visitFieldValues(fields, data, (field, value) => {
    if (field.type === 'upload' || field.type === 'relationship') addRelation(field, value, into)
    else if (field.type === 'richText') for (const node of uploadNodesOf(value)) add(into, node.relationTo, node.value)
  })
  return into
}

/** Whether a collection's schema can refer to media at all (so documents of other collections need not be read). */
export function canReferToMedia(fields: FlattenedField[]): boolean {
  return fields.some((field) => {
    switch (field.type) {
      case 'upload':
      case 'relationship':
        return (Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]).some(isMediaCollection)
      case 'richText':
        return true
      case 'array':
      case 'group':
      case 'tab':
        return canReferToMedia(field.flattenedFields)
      case 'blocks':
        return field.blocks.some((block) => canReferToMedia(block.flattenedFields))
      default:
        return false
    }
  })
}
