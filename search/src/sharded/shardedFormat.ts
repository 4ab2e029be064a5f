import type { SearchDocument } from '../engine/searchResponse.ts'
import type { PinyinTable } from '../text/pinyinTable.ts'

/** The folder, beside the site's pages, that holds the parts of the browser's search index. */
export const SHARDED_INDEX_FOLDER = 'search-index'
export const SHARDED_INDEX_VERSION = 1

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

/** A display fragment: the shown fields of a run of documents, in document-number order. */
export interface DocumentFragment {
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
  shardCount: number
  fragmentSize: number
  /** Indexed fields, in the order their postings name them, with their average lengths. */
  fields: string[]
  averageFieldLength: number[]
  documentCount: number
  longestSpelling: number
  /** Documents counted for `documentCounts` (the same as documentCount; kept apart as the spelling map counts them). */
  spellingDocuments: number
  pinyinTable: PinyinTable
  meta: DocumentMeta
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

/** Part names, relative to the index folder. */
export const partNames = {
  manifest: 'manifest.js',
  shard: (shard: number) => `terms/${shard}.js`,
  fragment: (fragment: number) => `docs/${fragment}.js`,
}

/** A part's file text: one call of the global callback with its name and data. */
export function partScript(name: string, data: unknown): string {
  // JSON is valid JavaScript except for U+2028/2029 in old engines, and `</script>` never matters in a separate file.
  return `${PART_CALLBACK}(${JSON.stringify(name)},${JSON.stringify(data)})\n`
}

/** Reads a part's data back from its file text (for Node: tests, the bench), without running it. */
export function parsePartScript(name: string, text: string): unknown {
  const prefix = `${PART_CALLBACK}(${JSON.stringify(name)},`
  const body = text.trimEnd()
  if (!body.startsWith(prefix) || !body.endsWith(')')) throw new Error(`not a search index part: ${name}`)
  return JSON.parse(body.slice(prefix.length, -1))
}
