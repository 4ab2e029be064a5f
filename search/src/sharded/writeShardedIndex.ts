import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { PublicRecord } from '@gongyu/contract'
import type { SearchDocument } from '../engine/searchResponse.ts'
import type { StaticIndexTarget } from '../embedded/staticIndex.ts'
import { buildShardedIndex, type ShardedBuildOptions, type ShardedIndexParts } from './buildShardedIndex.ts'
import { PART_CALLBACK, partNames, partScript, partScriptOf, SHARDED_INDEX_FOLDER, SHARDED_INDEX_VERSION } from './shardedFormat.ts'

/** What was written for one target. */
export interface WrittenShardedIndex {
  folder: string
  /** The content-named folder of the shards and buckets, inside `folder`. */
  parts: string
  files: number
  bytes: number
  gzipBytes: number
  manifestGzipBytes: number
  shardCount: number
  bucketCount: number
}

function shownIn(document: SearchDocument, convert: (text: string) => string): SearchDocument {
  return { ...document, title: convert(document.title), summary: convert(document.summary), themeNames: document.themeNames.map(convert) }
}

/**
 * The name of a target's parts folder: a hash of every shard's and bucket's
 * bytes (and of the script wrapper), so parts whose bytes change get a new
 * URL and a cached part is never stale.
 */
function partsFolderName(shardJson: readonly string[], bucketJson: readonly string[]): string {
  const hash = createHash('sha256').update(`${PART_CALLBACK}\u0000${SHARDED_INDEX_VERSION}\u0000`)
  for (const json of shardJson) hash.update(json).update('\u0000')
  hash.update('\u0001')
  for (const json of bucketJson) hash.update(json).update('\u0000')
  return hash.digest('hex').slice(0, 16)
}

function writeParts(parts: ShardedIndexParts, shardJson: readonly string[], folder: string, convert?: (text: string) => string): WrittenShardedIndex {
  const bucketJson = parts.buckets.map((bucket) =>
    JSON.stringify(convert ? { ...bucket, documents: bucket.documents.map((document) => shownIn(document, convert)) } : bucket),
  )
  const named = partsFolderName(shardJson, bucketJson)
  // A rebuilt index replaces the old one whole: a stale shard beside a new manifest would mix builds.
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(path.join(folder, named, 'terms'), { recursive: true })
  mkdirSync(path.join(folder, named, 'docs'), { recursive: true })
  const written: WrittenShardedIndex = {
    folder,
    parts: named,
    files: 0,
    bytes: 0,
    gzipBytes: 0,
    manifestGzipBytes: 0,
    shardCount: parts.shards.length,
    bucketCount: parts.buckets.length,
  }
  const write = (name: string, text: string) => {
    // Level 6 (zlib's default); the gzipped copy is for servers that send precompressed files (ours does; nginx has gzip_static).
    const gzipped = gzipSync(text, { level: 6 })
    writeFileSync(path.join(folder, name), text)
    writeFileSync(path.join(folder, `${name}.gz`), gzipped)
    written.files += 1
    written.bytes += Buffer.byteLength(text)
    written.gzipBytes += gzipped.length
    return gzipped.length
  }
  written.manifestGzipBytes = write(partNames.manifest, partScript(partNames.manifest, { ...parts.manifest, parts: named }))
  for (const [number, json] of shardJson.entries()) write(partNames.shard(named, number), partScriptOf(partNames.shard(named, number), json))
  for (const [number, json] of bucketJson.entries()) write(partNames.bucket(named, number), partScriptOf(partNames.bucket(named, number), json))
  return written
}

/**
 * Writes the browser's sharded search index into `<directory>/search-index/`
 * for each target, as scripts (see shardedFormat.ts) with gzipped copies:
 * `manifest.js`, and the shards and buckets in a folder named after their
 * bytes. The index is built once; targets differ only in the shown text of
 * the display buckets (the Traditional copy).
 */
export function writeShardedIndexes(records: PublicRecord[], targets: StaticIndexTarget[], options: ShardedBuildOptions = {}): WrittenShardedIndex[] {
  const parts = buildShardedIndex(records, options)
  const shardJson = parts.shards.map((shard) => JSON.stringify(shard))
  return targets.map((target) => writeParts(parts, shardJson, path.join(target.directory, SHARDED_INDEX_FOLDER), target.displayText))
}
