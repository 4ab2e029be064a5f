import { createHash } from 'node:crypto'
import type { AsPlainObject } from 'minisearch'
import type { PublicRecord, PublicSynonymGroup } from '@gongyu/contract'
import type { SearchDocument } from '../engine/searchResponse.ts'
import { buildEmbeddedSearch } from '../embedded/buildEmbeddedSearch.ts'
import { learnedSynonymGroupsOf, synonymGroups } from '../text/synonyms.ts'
import {
  bucketLayout,
  metaFields,
  SHARDED_INDEX_VERSION,
  ShardRouter,
  type DocumentBucket,
  type DocumentMeta,
  type MetaField,
  type ShardedManifest,
  type TermEntry,
  type TermShard,
} from './shardedFormat.ts'

/** The parts of a sharded index, before they are written. */
export interface ShardedIndexParts {
  manifest: ShardedManifest
  shards: TermShard[]
  buckets: DocumentBucket[]
}

export interface ShardedBuildOptions {
  /** Postings per term shard, on average: fewer means smaller shards but more requests for a long query. */
  postingsPerShard?: number
  /** Documents per display bucket (documents of one theme go together, see bucketLayout). */
  bucketSize?: number
  /** Synonyms editors accepted (the export's `synonyms`); the browser's planner expands with them as the CMS's engines do. */
  synonyms?: readonly PublicSynonymGroup[]
}

const POSTINGS_PER_SHARD = 300
/** How many postings one vocabulary word weighs, in bytes, when sizing shards. */
const VOCABULARY_WEIGHT = 2
const BUCKET_SIZE = 8
const MAX_SHARDS = 4096

/** Teaching order, the engine's last tie-break (EmbeddedSearch's sortResults): documents are numbered in it, so ties fall back to the number. */
function byGrade(a: SearchDocument, b: SearchDocument): number {
  return a.gradeOrder - b.gradeOrder || (a.sequence ?? 99) - (b.sequence ?? 99) || a.title.localeCompare(b.title, 'zh')
}

/** A value the MiniSearch index must hold for one of its own ids. */
function required<T>(value: T | undefined, key: string): T {
  if (value === undefined) throw new Error(`搜索索引不完整（${key}），无法拆分。`)
  return value
}

function metaOf(documents: SearchDocument[]): DocumentMeta {
  const values = Object.fromEntries(metaFields.map((field) => [field, [] as string[]])) as Record<MetaField, string[]>
  const codes = new Map<string, number>()
  const codeOf = (field: MetaField, value: string) => {
    const key = `${field}\u0000${value}`
    let code = codes.get(key)
    if (code === undefined) {
      code = values[field].push(value) - 1
      codes.set(key, code)
    }
    return code
  }
  const columns = Object.fromEntries(
    metaFields.map((field) => [
      field,
      documents.map((document) => {
        const value = document[field] as string | string[] | null | undefined
        if (Array.isArray(value)) return value.map((entry) => codeOf(field, entry))
        return value === null || value === undefined ? -1 : codeOf(field, String(value))
      }),
    ]),
  ) as DocumentMeta['columns']
  const times = [...new Set(documents.map((document) => document.publishedAt))].sort()
  const rankOf = new Map(times.map((time, rank) => [time, rank]))
  return { values, columns, publishedRank: documents.map((document) => rankOf.get(document.publishedAt) ?? 0) }
}

/**
 * Splits the browser index into a manifest, term shards and display
 * buckets, so a query loads only what it needs (issue 15): the manifest
 * (vocabulary-free: pinyin table, field statistics, per-document codes for
 * filters and facets), the shards holding its terms' postings and the
 * planner's word lists, then the buckets of the results it shows. Scores
 * are MiniSearch's BM25 over the same postings, so results match the whole
 * index's. Build time only.
 */
export function buildShardedIndex(records: PublicRecord[], options: ShardedBuildOptions = {}): ShardedIndexParts {
  // This process's learned groups are the CMS's concern; the index carries the export's, beside the built-in ones.
  const learned = learnedSynonymGroupsOf(options.synonyms ?? [])
  // One engine build gives both the postings and the planner's spelling map (spelling every chunk is most of the build's time).
  const engine = buildEmbeddedSearch(records, { withBody: false, synonyms: [...synonymGroups, ...learned] })
  const { index, pinyinTable } = engine.toStaticIndex()
  const plain = index as AsPlainObject & {
    storedFields: Record<string, SearchDocument>
    fieldLength: Record<string, number[]>
    fieldIds: Record<string, number>
    averageFieldLength: number[]
  }
  // In the order the records were added (MiniSearch's short ids).
  const added = Object.keys(plain.documentIds).map((shortId) => ({ shortId, document: required(plain.storedFields[shortId], shortId) }))
  const numbered = [...added].sort((a, b) => byGrade(a.document, b.document))
  const numberOf = new Map(numbered.map(({ shortId }, number) => [shortId, number]))
  const documents = numbered.map(({ document }) => document)

  // Filled in the order the records were added, as EmbeddedSearch.load does: the planner takes a spelling's first few words.
  const spellingMap = engine.spellingMap
  const spellings = spellingMap.contents()

  // Shards are sized by what they hold, the postings and the planner's word lists, so a query loads a few small ones.
  const postingCount = plain.index.reduce((sum, [, fields]) => sum + Object.values(fields).reduce((inner, docs) => inner + Object.keys(docs).length, 0), 0)
  const weight = postingCount + VOCABULARY_WEIGHT * (spellings.known.size + plain.index.length)
  const shardCount = Math.min(MAX_SHARDS, Math.max(1, Math.ceil(weight / (options.postingsPerShard ?? POSTINGS_PER_SHARD))))
  const build = createHash('sha256')
    .update(JSON.stringify([plain.index, documents, learned]))
    .digest('hex')
    .slice(0, 16)
  // No prototype: a term is any word an editor wrote, and 「constructor」 or 「__proto__」 must be a term like any other.
  const shards: TermShard[] = Array.from({ length: shardCount }, () => ({ build, terms: Object.create(null) as TermShard['terms'], known: [], spelled: [] }))
  const router = ShardRouter.of({ shardCount, synonyms: learned })
  const shardFor = (key: string) => required(shards[router.shardOf(key)], key)
  const entryOf = (term: string): TermEntry => {
    const shard = shardFor(term)
    shard.terms[term] ??= [spellings.documentCounts.get(term) ?? 0]
    return shard.terms[term]
  }

  for (const [term, fields] of plain.index) {
    const entry = entryOf(term)
    for (const [fieldId, docs] of Object.entries(fields)) {
      const entries = Object.entries(docs as Record<string, number>)
        .map(([shortId, count]) => ({
          number: required(numberOf.get(shortId), shortId),
          count,
          length: required(plain.fieldLength[shortId]?.[Number(fieldId)], shortId),
        }))
        .sort((a, b) => a.number - b.number)
      entry.push([
        Number(fieldId),
        entries.map((item, at) => item.number - (entries[at - 1]?.number ?? 0)),
        // Most words appear once in a field; an empty list says so for all.
        entries.every((item) => item.count === 1) ? [] : entries.map((item) => item.count),
        entries.map((item) => item.length),
      ])
    }
  }
  for (const chunk of spellings.documentCounts.keys()) entryOf(chunk)
  for (const chunk of spellings.known) if (!spellings.documentCounts.has(chunk)) shardFor(chunk).known.push(chunk)
  // Each chunk once in every shard its spellings fall in, in the order the bank first used it (the planner takes a spelling's first few).
  const spelledIn = shards.map(() => new Set<string>())
  const spellingsOf = new Map<string, string[]>()
  for (const [spelling, words] of spellings.bySpelling) for (const word of words) spellingsOf.set(word, [...(spellingsOf.get(word) ?? []), spelling])
  for (const word of spellings.known) {
    for (const spelling of spellingsOf.get(word) ?? []) {
      const number = router.shardOf(spelling)
      const seen = required(spelledIn[number], spelling)
      if (seen.has(word)) continue
      seen.add(word)
      shardFor(spelling).spelled.push(word)
    }
  }

  const meta = metaOf(documents)
  const bucketSize = options.bucketSize ?? BUCKET_SIZE
  const layout = bucketLayout(meta.columns.themes, bucketSize)
  const buckets: DocumentBucket[] = Array.from({ length: layout.bucketCount }, () => ({ build, documents: [] }))
  for (const [number, document] of documents.entries()) {
    required(buckets[layout.bucketOf[number] ?? -1], document.id).documents[layout.placeOf[number] ?? -1] = document
  }

  const fields = Object.entries(plain.fieldIds)
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => name)
  const manifest: ShardedManifest = {
    format: 'gongyu-sharded-search',
    version: SHARDED_INDEX_VERSION,
    build,
    // Named when the parts are written (writeShardedIndex.ts), from a hash of their bytes.
    parts: '',
    shardCount,
    bucketSize,
    fields,
    averageFieldLength: plain.averageFieldLength,
    documentCount: plain.documentCount,
    longestSpelling: spellingMap.longestSpelling,
    spellingDocuments: spellings.documents,
    pinyinTable,
    meta,
    ...(learned.length > 0 ? { synonyms: learned } : {}),
  }
  return { manifest, shards, buckets }
}
