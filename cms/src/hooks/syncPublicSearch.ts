import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import { engineKindFromEnv } from '@gongyu/search/engine'
import { recordId } from '@gongyu/search/record'
import { schedulePublishedExport } from '../publishing/schedulePublishedExport'
import { publicCollections, type PublicCollection } from '../publishing/toPublicRecord'
import { noteSearchChange, noteSearchRebuild } from '../search/embeddedSearchState'
import { SEARCH_QUEUE, SKIP_SEARCH_SYNC, SYNC_SEARCH_TASK } from '../search/searchSync'

type Id = string | number

function recordIdsOf(collection: PublicCollection, ...docs: unknown[]): string[] {
  const slugs = docs.map((doc) => (doc as { slug?: unknown } | undefined)?.slug).filter((slug): slug is string => typeof slug === 'string')
  return [...new Set(slugs.map((slug) => recordId(publicCollections[collection], slug)))]
}

/**
 * After any save or delete of course content: the embedded index notes the
 * change (it catches up on the next search), Meilisearch gets a queued job
 * (never an inline call, so an outage loses nothing), and the published
 * export is rewritten for the site, debounced. Bulk imports skip this and
 * rebuild once.
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
  if (engineKindFromEnv() === 'meilisearch') {
    await payload.jobs.queue({ task: SYNC_SEARCH_TASK, queue: SEARCH_QUEUE, input: { collection, id: String(id), recordIds }, req })
  }
  schedulePublishedExport(payload)
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
