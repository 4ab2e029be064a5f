import type { Payload } from 'payload'
import type { PublicRecord, PublishedContent } from '@gongyu/contract'
import { publicCollections, toPublicRecord, type ContentDocument, type PublicCollection } from '../collections/contentTypes'
import { readAcceptedSynonymGroups } from '../collections/ContentTasks/readAcceptedSynonyms'
import { courseListToPublicCourseList } from '../collections/CourseLists/toPublicCourseList'
import { organizationToPublicOrganization } from '../collections/Organizations/toPublicOrganization'
import { placeToPublicPlace } from '../collections/Places/toPublicPlace'
import { readPublishedSurveys } from '../collections/Surveys/readPublishedSurveys'
import { themeToPublicTheme } from '../collections/Themes/toPublicTheme'
import type { Config } from '../payload-types'
import type { PlaceReference, RecordLookups, RelationValue } from './recordLookups'
import { dataRelativePath, hlsDirectory, uploadDirectory } from '../env/paths'
import { mediaLookup } from './mediaLookup'
import { readTrustList } from './readTrustList'
import { videoLookup } from './videoLookup'

const PAGE_SIZE = 200

type Id = string | number
/** What cross-record references need of a document: its id, its slug and, for a lesson, its themes. */
type ReferencedDocument = { id: Id; slug: string; themes?: RelationValue[] | null }

function idOf(value: unknown): Id | undefined {
  if (value && typeof value === 'object') return (value as { id?: Id }).id
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}

/** Every published document of a collection, read as an anonymous visitor. */
async function readAnonymously<Slug extends PublicCollection | 'course-lists' | 'places'>(
  payload: Payload,
  collection: Slug,
): Promise<Config['collections'][Slug][]> {
  const docs: Config['collections'][Slug][] = []
  for (let page = 1; ; page += 1) {
    const result = await payload.find({ collection, page, limit: PAGE_SIZE, depth: 0, draft: false, overrideAccess: false, sort: 'createdAt' })
    docs.push(...result.docs)
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
function referencesOf(docsByCollection: ReadonlyMap<PublicCollection, readonly ReferencedDocument[]>) {
  const recordIds = new Map<string, string>()
  for (const [collection, docs] of docsByCollection) {
    for (const doc of docs) if (typeof doc.slug === 'string') recordIds.set(`${collection}:${doc.id}`, `${publicCollections[collection]}:${doc.slug}`)
  }
  const lessonThemes = new Map<Id, RelationValue[]>((docsByCollection.get('lessons') ?? []).map((lesson) => [lesson.id, lesson.themes ?? []]))
  return { recordIds, lessonThemes }
}

async function lookupsFor(payload: Payload, docsByCollection: ReadonlyMap<PublicCollection, readonly ReferencedDocument[]>) {
  const { recordIds, lessonThemes } = referencesOf(docsByCollection)
  const themeDocs = await payload.find({ collection: 'themes', limit: 0, pagination: false, depth: 0, overrideAccess: false, sort: 'slug' })
  const themeById = new Map<Id, { slug: string; name: string }>(themeDocs.docs.map((theme) => [theme.id, { slug: theme.slug, name: theme.name }]))
  const hosts = await payload.find({ collection: 'organizations', limit: 0, pagination: false, depth: 0, overrideAccess: false, select: { slug: true } })
  const hostSlugs = new Map<Id, string>(hosts.docs.map((organization) => [organization.id, organization.slug]))
  // Anonymous read: only published places, so an event never links a draft entry.
  const places = await payload.find({
    collection: 'places',
    limit: 0,
    pagination: false,
    depth: 0,
    draft: false,
    overrideAccess: false,
    select: { slug: true, name: true, address: true },
  })
  const placeById = new Map<Id, PlaceReference>(places.docs.map((place) => [place.id, { slug: place.slug, name: place.name, address: place.address ?? '' }]))
  const lookups: RecordLookups = {
    themeOf: (value) => themeById.get(idOf(value) as Id),
    recordIdOf: (collection, value) => recordIds.get(`${collection}:${idOf(value)}`),
    lessonThemesOf: (value) => lessonThemes.get(idOf(value) as Id) ?? [],
    videoOf: await videoLookup(payload),
    mediaOf: await mediaLookup(payload),
    organizationSlugOf: (value) => hostSlugs.get(idOf(value) as Id),
    placeOf: (value) => placeById.get(idOf(value) as Id),
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
  const references = new Map<PublicCollection, ReferencedDocument[]>()
  for (const collection of Object.keys(publicCollections) as PublicCollection[]) {
    const select = collection === 'lessons' ? ({ slug: true, themes: true } as const) : ({ slug: true } as const)
    const { docs } = await payload.find({ collection, limit: 0, pagination: false, depth: 0, draft: false, overrideAccess: false, select })
    references.set(collection, docs)
  }
  const { lookups } = await lookupsFor(payload, references)
  const records: PublicRecord[] = []
  for (const [collection, ids] of Object.entries(wanted) as [PublicCollection, Id[]][]) {
    if (ids.length === 0) continue
    const { docs } = await payload.find({ collection, where: { id: { in: ids } }, limit: 0, pagination: false, depth: 0, draft: false, overrideAccess: false })
    for (const doc of docs) {
      const record = toPublicRecord(collection, doc, lookups)
      if (record) records.push(record)
    }
  }
  return records
}

/** Everything the public sees: records, themes, organizations and published course lists. */
export async function readPublishedContent(payload: Payload): Promise<PublishedContent> {
  const docsByCollection = new Map<PublicCollection, ContentDocument[]>()
  for (const collection of Object.keys(publicCollections) as PublicCollection[]) docsByCollection.set(collection, await readAnonymously(payload, collection))
  const { lookups, themeDocs } = await lookupsFor(payload, docsByCollection)
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
  const courseListLookups = {
    organizationSlugOf: (value: RelationValue) => organizationSlugs.get(idOf(value) as Id),
    recordIdOf: lookups.recordIdOf,
  }
  const courseLists = (await readAnonymously(payload, 'course-lists'))
    .map((courseList) => courseListToPublicCourseList(courseList, courseListLookups))
    .filter((courseList) => courseList !== undefined)
  const themes = themeDocs.docs.map(themeToPublicTheme)
  const organizations = organizationDocs.docs.map(organizationToPublicOrganization)
  const places = (await readAnonymously(payload, 'places')).map(placeToPublicPlace).filter((place) => place !== undefined)
  const { signingKeys, revokedCertificates } = await readTrustList(payload, courseListLookups.organizationSlugOf)
  return {
    generatedAt: new Date().toISOString(),
    // Relative to the data folder: the site build resolves them against its own GONGYU_DATA_DIR.
    mediaSources: { hls: dataRelativePath(hlsDirectory()), captions: dataRelativePath(uploadDirectory('captions')) },
    records,
    themes,
    organizations,
    courseLists,
    places,
    surveys: await readPublishedSurveys(payload, courseListLookups.organizationSlugOf),
    // Only each task's query and its accepted words, which came from published lessons; never the words merely offered.
    synonyms: await readAcceptedSynonymGroups(payload),
    signingKeys,
    revokedCertificates,
  }
}
