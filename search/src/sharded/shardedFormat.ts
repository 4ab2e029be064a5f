import type { SearchDocument } from '../engine/searchResponse.ts'
import type { PinyinTable } from '../text/pinyinTable.ts'
import { synonymGroups } from '../text/synonyms.ts'
import { hanBigrams, hanRuns } from '../text/tokenize.ts'

/** The folder, beside the site's pages, that holds the parts of the browser's search index. */
export const SHARDED_INDEX_FOLDER = 'search-index'
export const SHARDED_INDEX_VERSION = 2

/**
 * The global function every part calls when its script runs. Parts are
 * scripts, not JSON, because a page opened from file:// (the offline pack)
 * may load a script but may not fetch a file.
 */
export const PART_CALLBACK = '__gongyuSearchPart'

/** One field's postings of a term: the field's index, then document numbers (each as the gap from the one before), term counts (empty when all are 1) and field lengths. */
export type FieldPostings = [field: number, documentGaps: number[], termCounts: number[], fieldLengths: number[]]

/** What a shard holds for one word: in how many documents it appears (0 for words not counted), then its postings per field. */
export type TermEntry = [documentCount: number, ...postings: FieldPostings[]]

/** A term shard: the postings, and what the query plan asks about, of every term and spelling whose key falls in it. */
export interface TermShard {
  build: string
  /** Terms and counted chunks (for how much a word counts, and which chunks the bank uses). */
  terms: Record<string, TermEntry>
  /** Chunks the bank knows that no document counts (from the synonym list), for homophone correction. */
  known: string[]
  /**
   * The bank's chunks spelled in pinyin starting with this shard's letters,
   * in the order the bank first used them; the engine spells them again with
   * the manifest's pinyin table to find the chunks for a typed spelling.
   */
  spelled: string[]
}

/** A display bucket: the shown fields of some documents of one theme (see bucketLayout), in document-number order. */
export interface DocumentBucket {
  build: string
  documents: SearchDocument[]
}

/** Per-document values for filters, facets, ranking by named grade and type, and sort, as codes into `values`. */
export interface DocumentMeta {
  values: Record<MetaField, string[]>
  /** Per document: a code, -1 for none, or a list of codes. */
  columns: Record<MetaField, (number | number[])[]>
  /** Per document: its rank by publishing time (higher is newer). */
  publishedRank: number[]
}

export const metaFields = ['type', 'stages', 'grades', 'themes', 'audience', 'category', 'familySituations'] as const
export type MetaField = (typeof metaFields)[number]

/** The first part a query loads: everything needed to plan it and rank, but no postings and no shown text. */
export interface ShardedManifest {
  format: 'gongyu-sharded-search'
  version: typeof SHARDED_INDEX_VERSION
  /** Changes with every build, so a page never mixes parts of two builds. */
  build: string
  /**
   * The folder of this build's term shards and buckets, named after a hash of
   * their bytes: a part's URL never serves other bytes, so caches may keep
   * parts for a year, while the manifest (the one file that names the folder) stays short-lived.
   */
  parts: string
  shardCount: number
  bucketSize: number
  /** Indexed fields, in the order their postings name them, with their average lengths. */
  fields: string[]
  averageFieldLength: number[]
  documentCount: number
  longestSpelling: number
  /** Documents counted for `documentCounts` (the same as documentCount; kept apart as the spelling map counts them). */
  spellingDocuments: number
  pinyinTable: PinyinTable
  meta: DocumentMeta
  /** Synonym groups editors accepted in the needs report (issue 17), as the planner reads them (the query first); absent when there are none. */
  synonyms?: string[][]
}

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
const LATIN_START = /^[a-z0-9]{2}/

/**
 * The shard a term or spelling lives in. Words that start with two Latin
 * letters or digits go by those two, so a prefix (typed pinyin "gout") and
 * every spelling the planner tries at one place in a pinyin run fall in one
 * shard; other words go by the whole word.
 */
export function shardOf(key: string, shardCount: number): number {
  const hashed = LATIN_START.test(key) ? key.slice(0, 2) : key
  let hash = FNV_OFFSET
  for (let at = 0; at < hashed.length; at += 1) {
    hash ^= hashed.charCodeAt(at)
    hash = Math.imul(hash, FNV_PRIME) >>> 0
  }
  return hash % shardCount
}

/**
 * Which shard holds a key. A query that names one word of a synonym group
 * makes the planner look up every chunk of the group (手机 brings 屏幕, 平板,
 * 游戏, 短视频…), so the Han chunks of each group live together, in the shard
 * of the group's first chunk: one part for the group, not one per chunk.
 * A longer Han word goes where its first two characters go; every other
 * key goes by shardOf. Build and engine route alike from the
 * same groups (the built-in ones and the manifest's); it never segments
 * words, since Node and browsers segment differently.
 */
export class ShardRouter {
  readonly shardCount: number
  private readonly homes = new Map<string, string>()

  constructor(shardCount: number, synonyms: readonly (readonly string[])[]) {
    this.shardCount = shardCount
    for (const group of synonyms) {
      const chunks = group.flatMap((word) => hanRuns(word).flatMap(hanBigrams))
      const home = chunks[0]
      if (home === undefined) continue
      for (const chunk of chunks) if (!this.homes.has(chunk)) this.homes.set(chunk, this.homes.get(home) ?? home)
    }
  }

  /** The router of a manifest's index: its shard count, and the groups its planner expands with. */
  static of(manifest: Pick<ShardedManifest, 'shardCount' | 'synonyms'>): ShardRouter {
    return new ShardRouter(manifest.shardCount, plannedSynonyms(manifest))
  }

  shardOf(key: string): number {
    // A longer word (电子产品, 怎么办) goes with its first two characters, which the same query looks up too.
    const characters = LATIN_START.test(key) ? [] : [...key]
    const head = characters.length > 2 ? `${characters[0]}${characters[1]}` : key
    return shardOf(this.homes.get(head) ?? head, this.shardCount)
  }
}

/** The synonym groups a sharded index's planner expands with: the built-in ones, then those its manifest carries (accepted by editors). */
function plannedSynonyms(manifest: Pick<ShardedManifest, 'synonyms'>): readonly (readonly string[])[] {
  return manifest.synonyms && manifest.synonyms.length > 0 ? [...synonymGroups, ...manifest.synonyms] : synonymGroups
}

/** Part names, relative to the index folder; shards and buckets sit in the build's content-named folder (`ShardedManifest.parts`). */
export const partNames = {
  manifest: 'manifest.js',
  shard: (parts: string, shard: number) => `${parts}/terms/${shard}.js`,
  bucket: (parts: string, bucket: number) => `${parts}/docs/${bucket}.js`,
}

/** How a content-named parts folder looks: 16 hex digits of a SHA-256 (the site's cache rules match it). */
export const PARTS_FOLDER_PATTERN = /^[0-9a-f]{16}$/

/** Where each document's shown fields are: its display bucket and its place in it. */
export interface BucketLayout {
  bucketOf: Int32Array
  placeOf: Int32Array
  bucketCount: number
}

/**
 * Display buckets: documents that share a first theme go together, in
 * number order, `bucketSize` to a bucket, so a page of results (which
 * mostly share themes) needs a few buckets rather than one part per
 * result. Worked out from the manifest's theme codes, by the build and by
 * the engine alike, so the manifest carries no bucket list.
 */
export function bucketLayout(themes: (number | number[])[], bucketSize: number): BucketLayout {
  const keyOf = (code: number | number[] | undefined) => (Array.isArray(code) ? (code[0] ?? -1) : (code ?? -1))
  const counts = new Map<number, number>()
  for (const code of themes) counts.set(keyOf(code), (counts.get(keyOf(code)) ?? 0) + 1)
  // Each theme's buckets follow one another, themes in the order their first document comes.
  const firstBucket = new Map<number, number>()
  let bucketCount = 0
  for (const [key, count] of counts) {
    firstBucket.set(key, bucketCount)
    bucketCount += Math.ceil(count / bucketSize)
  }
  const seen = new Map<number, number>()
  const bucketOf = new Int32Array(themes.length)
  const placeOf = new Int32Array(themes.length)
  for (const [number, code] of themes.entries()) {
    const key = keyOf(code)
    const at = seen.get(key) ?? 0
    seen.set(key, at + 1)
    bucketOf[number] = (firstBucket.get(key) ?? 0) + Math.floor(at / bucketSize)
    placeOf[number] = at % bucketSize
  }
  return { bucketOf, placeOf, bucketCount }
}

/** A part's file text: one call of the global callback with its name and data. */
export function partScript(name: string, data: unknown): string {
  return partScriptOf(name, JSON.stringify(data))
}

/** A part's file text from its data already in JSON. */
export function partScriptOf(name: string, json: string): string {
  // JSON is valid JavaScript except for U+2028/2029 in old engines, and `</script>` never matters in a separate file.
  return `${PART_CALLBACK}(${JSON.stringify(name)},${json})\n`
}

/** Reads a part's data back from its file text (for Node: tests, the bench), without running it. */
export function parsePartScript(name: string, text: string): unknown {
  const prefix = `${PART_CALLBACK}(${JSON.stringify(name)},`
  const body = text.trimEnd()
  if (!body.startsWith(prefix) || !body.endsWith(')')) throw new Error(`not a search index part: ${name}`)
  return JSON.parse(body.slice(prefix.length, -1))
}
