import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { PublicRecord } from '../record/publicRecord.ts'
import { buildEmbeddedSearch } from './buildEmbeddedSearch.ts'

/** The static index file name the site serves and the browser loads. */
export const STATIC_INDEX_FILE = 'search-index.json'

/**
 * Writes the browser's search index: titles, summaries, themes, grades and
 * pinyin of every published record (no bodies, to stay small), as JSON plus
 * a gzipped copy. Returns its size raw and gzipped.
 */
export function writeStaticIndex(records: PublicRecord[], directory: string, options: { displayText?: (text: string) => string } = {}): { file: string; bytes: number; gzipBytes: number } {
  const json = JSON.stringify(buildEmbeddedSearch(records, { withBody: false, displayText: options.displayText }).toStaticIndex())
  mkdirSync(directory, { recursive: true })
  const file = path.join(directory, STATIC_INDEX_FILE)
  const gzipped = gzipSync(json, { level: 9 })
  writeFileSync(file, json)
  // A gzipped copy beside it, for servers that send precompressed files (ours does; nginx has gzip_static).
  writeFileSync(`${file}.gz`, gzipped)
  return { file, bytes: Buffer.byteLength(json), gzipBytes: gzipped.length }
}
