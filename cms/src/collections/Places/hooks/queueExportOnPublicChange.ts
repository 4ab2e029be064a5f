import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { queuePublishedExport } from '../../../publishing/queuePublishedExport'

/** Rewrites the published export when a place the public can see changes (publish, unpublish, an edit of a published place). */
export const queueExportAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  if (context.seeding) return doc
  if (doc._status === 'published' || previousDoc?._status === 'published') await queuePublishedExport(req.payload, req)
  return doc
}

/** Drops a deleted place from the published export. */
export const queueExportAfterDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  if (!context.seeding && doc?._status === 'published') await queuePublishedExport(req.payload, req)
  return doc
}
