import type { CollectionSlug, Payload, PayloadRequest } from 'payload'
import { canReferToMedia, collectMediaReferences, MEDIA_COLLECTIONS, noMediaReferences, type MediaReferences } from './mediaReferences'

// REST requests are capped at 100 a page (capQueryArguments); the same size keeps paging consistent under a request.
const PAGE_SIZE = 100

/**
 * The media, videos and captions that published content refers to: the
 * published form (not drafts) of every collection with drafts whose schema
 * can hold a media reference. Read as the system, since visitors are exactly
 * who may not see the others; pass `req` to read inside its transaction.
 */
export async function publishedMediaReferences(payload: Payload, req?: Partial<PayloadRequest>): Promise<MediaReferences> {
  const references = noMediaReferences()
  for (const collection of payload.config.collections) {
    if (!collection.versions?.drafts || (MEDIA_COLLECTIONS as readonly string[]).includes(collection.slug)) continue
    if (!canReferToMedia(collection.flattenedFields)) continue
    for (let page = 1; ; page += 1) {
      const result = await payload.find({
        collection: collection.slug as CollectionSlug,
        where: { _status: { equals: 'published' } },
        draft: false,
        depth: 0,
        page,
        limit: PAGE_SIZE,
        overrideAccess: true,
        req,
      })
      for (const doc of result.docs) collectMediaReferences(collection.flattenedFields, doc, references)
      if (!result.hasNextPage) break
    }
  }
  return references
}
