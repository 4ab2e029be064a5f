import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import { recordId } from '@gongyu/contract'
import { searchEngineChoice } from '@gongyu/search/server'
import { queuePublishedExport } from '../publishing/queuePublishedExport'
import { publicCollections, type PublicCollection } from '../collections/contentTypes'
import { noteSearchChange, noteSearchRebuild } from '../search/embeddedSearchState'
import { SEARCH_QUEUE, SKIP_SEARCH_SYNC, SYNC_SEARCH_TASK } from '../search/searchSync'

type Id = string | number

function recordIdsOf(collection: PublicCollection, ...docs: unknown[]): string[] {
  const slugs = docs.map((doc) => (doc as { slug?: unknown } | undefined)?.slug).filter((slug): slug is string => typeof slug === 'string')
  return [...new Set(slugs.map((slug) => recordId(publicCollections[collection], slug)))]
}

/**
 * After any save or delete that changes what the public sees:
 * 1. the CMS's own embedded search index notes the change in memory and
 *    catches up on its next search (it lives in this process, so no job);
 * 2. with Meilisearch, a `syncSearchRecord` job is queued (never an inline
 *    call, so an outage loses nothing);
 * 3. an `exportPublishedContent` job is queued: it rewrites `published.json`,
 *    which the site runner watches and rebuilds from
 *    (publish → job → export file → site runner → build).
 * Jobs are queued in the save's transaction. Bulk imports skip all of this
 * and rebuild once (seed/runSeed.ts).
 */
async function onPublicContentChange(
  req: PayloadRequest,
  collection: PublicCollection,
  id: Id,
  recordIds: string[],
  context: Record<string, unknown>,
): Promise<void> {
  const { payload } = req
  if (context.seeding || context[SKIP_SEARCH_SYNC]) {
    noteSearchRebuild(payload)
    return
  }
  noteSearchChange(payload, { collection, id, recordIds })
  if (searchEngineChoice().kind === 'meilisearch') {
    await payload.jobs.queue({ task: SYNC_SEARCH_TASK, queue: SEARCH_QUEUE, input: { collection, id: String(id), recordIds }, req })
  }
  await queuePublishedExport(payload, req)
}

/** Keeps search and the export in step after a save (publish, unpublish, a new draft, a renamed slug). */
export const syncSearchAfterChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, req, context }) => {
  // A draft that has never been published changes nothing the public sees.
  if (doc._status !== 'published' && previousDoc?._status !== 'published') return doc
  const slug = collection.slug as PublicCollection
  await onPublicContentChange(req, slug, doc.id as Id, recordIdsOf(slug, doc, previousDoc), context)
  return doc
}

/** Removes a deleted item from search and the export. */
export const syncSearchAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, id, req, context }) => {
  const slug = collection.slug as PublicCollection
  await onPublicContentChange(req, slug, id, recordIdsOf(slug, doc), context)
  return doc
}
