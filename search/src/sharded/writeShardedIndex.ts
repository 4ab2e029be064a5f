import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { PublicRecord } from '@gongyu/contract'
import type { SearchDocument } from '../engine/searchResponse.ts'
import type { StaticIndexTarget } from '../embedded/staticIndex.ts'
import { buildShardedIndex, type ShardedBuildOptions, type ShardedIndexParts } from './buildShardedIndex.ts'
import { partNames, partScript, SHARDED_INDEX_FOLDER } from './shardedFormat.ts'

/** What was written for one target. */
export interface WrittenShardedIndex {
  folder: string
  files: number
  bytes: number
  gzipBytes: number
  manifestGzipBytes: number
  shardCount: number
}

function shownIn(document: SearchDocument, convert: (text: string) => string): SearchDocument {
  return { ...document, title: convert(document.title), summary: convert(document.summary), themeNames: document.themeNames.map(convert) }
}

function writeParts(parts: ShardedIndexParts, folder: string, convert?: (text: string) => string): WrittenShardedIndex {
  // A rebuilt index replaces the old one whole: a stale shard beside a new manifest would mix builds.
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(path.join(folder, 'terms'), { recursive: true })
  mkdirSync(path.join(folder, 'docs'), { recursive: true })
  const written: WrittenShardedIndex = { folder, files: 0, bytes: 0, gzipBytes: 0, manifestGzipBytes: 0, shardCount: parts.shards.length }
  const write = (name: string, data: unknown) => {
    const text = partScript(name, data)
    // Level 6 (zlib's default); the gzipped copy is for servers that send precompressed files (ours does; nginx has gzip_static).
    const gzipped = gzipSync(text, { level: 6 })
    writeFileSync(path.join(folder, name), text)
    writeFileSync(path.join(folder, `${name}.gz`), gzipped)
    written.files += 1
    written.bytes += Buffer.byteLength(text)
    written.gzipBytes += gzipped.length
    return gzipped.length
  }
  written.manifestGzipBytes = write(partNames.manifest, parts.manifest)
  for (const [number, shard] of parts.shards.entries()) write(partNames.shard(number), shard)
  for (const [number, fragment] of parts.fragments.entries()) {
    write(partNames.fragment(number), convert ? { ...fragment, documents: fragment.documents.map((document) => shownIn(document, convert)) } : fragment)
  }
  return written
}

/**
 * Writes the browser's sharded search index into `<directory>/search-index/`
 * for each target, as scripts (see shardedFormat.ts) with gzipped copies.
 * The index is built once; targets differ only in the shown text of the
 * display fragments (the Traditional copy).
 */
export function writeShardedIndexes(records: PublicRecord[], targets: StaticIndexTarget[], options: ShardedBuildOptions = {}): WrittenShardedIndex[] {
  const parts = buildShardedIndex(records, options)
  return targets.map((target) => writeParts(parts, path.join(target.directory, SHARDED_INDEX_FOLDER), target.displayText))
}
