import type { Payload } from 'payload'
import type { PublicCourseList, PublicOrganization, PublicRecord, PublicTheme, PublishedContent } from '@gongyu/search/record'
import { publicCollections, toPublicRecord, type PublicCollection, type RecordLookups } from './toPublicRecord'
import { hlsDirectory, uploadDirectory } from '../env/paths'
import { mediaLookup } from './mediaLookup'
import { videoLookup } from './videoLookup'

const PAGE_SIZE = 200

type Id = string | number
type Doc = Record<string, unknown> & { id: Id }

function idOf(value: unknown): Id | undefined {
  if (value && typeof value === 'object') return (value as { id?: Id }).id
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}

/** Every published document of a collection, read as an anonymous visitor. */
async function readAnonymously(payload: Payload, collection: PublicCollection | 'course-lists'): Promise<Doc[]> {
  const docs: Doc[] = []
  for (let page = 1; ; page += 1) {
    const result = await payload.find({ collection, page, limit: PAGE_SIZE, depth: 0, draft: false, overrideAccess: false, sort: 'createdAt' })
    docs.push(...(result.docs as unknown as Doc[]))
    if (!result.hasNextPage) break
  }
  return docs
}

/** Makes every relation two-way: a micro-lesson that names its lesson is listed on the lesson too. */
function linkBothWays(records: PublicRecord[]): void {
  const byId = new Map(records.map((record) => [record.id, record]))
  for (const record of records) {
    for (const relatedId of record.related) {
      const other = byId.get(relatedId)
      if (other && !other.related.includes(record.id)) other.related.push(record.id)
    }
  }
}

/**
 * Every published item as a public record, read as an anonymous visitor
 * (`overrideAccess: false`, no user, no drafts), so access control is the
 * second guard after the mapping's own published-only check.
 */
export async function readPublishedRecords(payload: Payload): Promise<PublicRecord[]> {
  return (await readPublishedContent(payload)).records
}

/** What records refer to across collections: the record id of every published document, and each lesson's themes (for its plans). */
function referencesOf(docsByCollection: Map<PublicCollection, Doc[]>) {
  const recordIds = new Map<string, string>()
  for (const [collection, docs] of docsByCollection) {
    for (const doc of docs) if (typeof doc.slug === 'string') recordIds.set(`${collection}:${doc.id}`, `${publicCollections[collection]}:${doc.slug}`)
  }
  const lessonThemes = new Map<Id, unknown[]>(
    (docsByCollection.get('lessons') ?? []).map((lesson) => [lesson.id, Array.isArray(lesson.themes) ? lesson.themes : []]),
  )
  return { recordIds, lessonThemes }
}

async function lookupsFor(payload: Payload, docsByCollection: Map<PublicCollection, Doc[]>) {
  const { recordIds, lessonThemes } = referencesOf(docsByCollection)
  const themeDocs = await payload.find({ collection: 'themes', limit: 0, pagination: false, depth: 0, overrideAccess: false, sort: 'slug' })
  const themeById = new Map<Id, { slug: string; name: string }>(themeDocs.docs.map((theme) => [theme.id, { slug: theme.slug, name: theme.name }]))
  const lookups: RecordLookups = {
    themeOf: (value) => themeById.get(idOf(value) as Id),
    recordIdOf: (collection, value) => recordIds.get(`${collection}:${idOf(value)}`),
    lessonThemesOf: (value) => lessonThemes.get(idOf(value) as Id) ?? [],
    videoOf: await videoLookup(payload),
    mediaOf: await mediaLookup(payload),
  }
  return { lookups, themeDocs, recordIds }
}

/**
 * The current public records of some documents, grouped by collection; a
 * document that is not published (any more) has none. The references every
 * record needs are read once for the whole batch. Relations to other records
 * are resolved; the reverse links on those records are not updated.
 */
export async function readPublishedRecordsOf(payload: Payload, wanted: Partial<Record<PublicCollection, Id[]>>): Promise<PublicRecord[]> {
  const references = new Map<PublicCollection, Doc[]>()
  for (const collection of Object.keys(publicCollections) as PublicCollection[]) {
    const select = (collection === 'lessons' ? { slug: true, themes: true } : { slug: true }) as { slug: true }
    const { docs } = await payload.find({ collection, limit: 0, pagination: false, depth: 0, draft: false, overrideAccess: false, select })
    references.set(collection, docs as unknown as Doc[])
  }
  const { lookups } = await lookupsFor(payload, references)
  const records: PublicRecord[] = []
  for (const [collection, ids] of Object.entries(wanted) as [PublicCollection, Id[]][]) {
    if (ids.length === 0) continue
    const { docs } = await payload.find({ collection, where: { id: { in: ids } }, limit: 0, pagination: false, depth: 0, draft: false, overrideAccess: false })
    for (const doc of docs as unknown as Doc[]) {
      const record = toPublicRecord(collection, doc, lookups)
      if (record) records.push(record)
    }
  }
  return records
}

/** Everything the public sees: records, themes, organizations and published course lists. */
export async function readPublishedContent(payload: Payload): Promise<PublishedContent> {
  const docsByCollection = new Map<PublicCollection, Doc[]>()
  for (const collection of Object.keys(publicCollections) as PublicCollection[]) docsByCollection.set(collection, await readAnonymously(payload, collection))
  const { lookups, themeDocs, recordIds } = await lookupsFor(payload, docsByCollection)
  const records: PublicRecord[] = []
  for (const [collection, docs] of docsByCollection) {
    for (const doc of docs) {
      const record = toPublicRecord(collection, doc, lookups)
      if (record) records.push(record)
    }
  }
  linkBothWays(records)

  const organizationDocs = await payload.find({ collection: 'organizations', limit: 0, pagination: false, depth: 0, overrideAccess: false, sort: 'slug' })
  const organizationSlugs = new Map<Id, string>(organizationDocs.docs.map((organization) => [organization.id, organization.slug]))
  const courseLists: PublicCourseList[] = (await readAnonymously(payload, 'course-lists')).flatMap((doc) => {
    const organization = organizationSlugs.get(idOf(doc.organization) as Id)
    if (doc._status !== 'published' || typeof doc.slug !== 'string' || !organization) return []
    const items = (Array.isArray(doc.items) ? doc.items : []).flatMap(
      (row: { resource?: { relationTo?: string; value?: unknown }; date?: string | null; note?: string | null }) => {
        const relationTo = row.resource?.relationTo
        const recordId = relationTo && relationTo in publicCollections ? recordIds.get(`${relationTo}:${idOf(row.resource?.value)}`) : undefined
        return recordId ? [{ recordId, date: row.date ? row.date.slice(0, 10) : null, note: row.note ?? '' }] : []
      },
    )
    return [
      {
        slug: doc.slug,
        title: String(doc.title),
        description: String(doc.description ?? ''),
        organization,
        items,
        publishedAt: new Date(String(doc.updatedAt)).toISOString(),
      },
    ]
  })
  const themes: PublicTheme[] = themeDocs.docs.map((theme) => ({ slug: theme.slug, name: theme.name, description: theme.description ?? '' }))
  const organizations: PublicOrganization[] = organizationDocs.docs.map((organization) => ({
    slug: organization.slug,
    name: organization.name,
    type: organization.type,
    region: organization.region,
    description: organization.description ?? '',
    allowedOrigins: (organization.allowedOrigins ?? []).map((row) => row.origin),
  }))
  return {
    generatedAt: new Date().toISOString(),
    mediaSources: { hls: hlsDirectory(), captions: uploadDirectory('captions') },
    records,
    themes,
    organizations,
    courseLists,
  }
}
