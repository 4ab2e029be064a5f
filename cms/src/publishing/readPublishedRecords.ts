import type { Payload } from 'payload'
import type { PublicRecord } from '@gongyu/search/record'
import { publicCollections, toPublicRecord, type PublicCollection } from './toPublicRecord'

const PAGE_SIZE = 200

/**
 * Every published item as a public record, read as an anonymous visitor
 * (`overrideAccess: false`, no user, no drafts), so access control is the
 * second guard after the mapping's own published-only check.
 */
export async function readPublishedRecords(payload: Payload): Promise<PublicRecord[]> {
  const themes = await payload.find({ collection: 'themes', limit: 0, pagination: false, depth: 0, overrideAccess: false })
  const themeById = new Map<string | number, { slug: string; name: string }>(themes.docs.map((theme) => [theme.id, { slug: theme.slug, name: theme.name }]))
  const themeOf = (value: unknown) => themeById.get((value && typeof value === 'object' ? (value as { id: string | number }).id : value) as string | number)
  const records: PublicRecord[] = []
  for (const collection of Object.keys(publicCollections) as PublicCollection[]) {
    for (let page = 1; ; page += 1) {
      const result = await payload.find({ collection, page, limit: PAGE_SIZE, depth: 0, draft: false, overrideAccess: false, sort: 'createdAt' })
      for (const doc of result.docs) {
        const record = toPublicRecord(collection, doc as unknown as Record<string, unknown>, themeOf)
        if (record) records.push(record)
      }
      if (!result.hasNextPage) break
    }
  }
  return records
}
