import MiniSearch from 'minisearch'
import type { PublicRecord } from '@gongyu/contract'
import { buildPinyinTable } from '../text/buildPinyinTable.ts'
import { PinyinLookup } from '../text/pinyinTable.ts'
import { toSearchDocument } from '../engine/searchResponse.ts'
import { EmbeddedSearch, miniSearchOptions, type EmbeddedParts, type IndexEntry } from './EmbeddedSearch.ts'
import { indexFieldsOf } from './indexFields.ts'
import { SpellingMap } from './spellingIndex.ts'

export interface EmbeddedBuildOptions {
  /** Index record bodies too (the CMS and the command line do; the browser index does not, to stay small). */
  withBody?: boolean
  /** Synonym groups whose chunks count as the bank's words (SpellingMap); by default this process's. */
  synonyms?: readonly (readonly string[])[]
}

function indexRecords(parts: EmbeddedParts, records: PublicRecord[]): void {
  for (const record of records) {
    const entry: IndexEntry = { id: record.id, text: indexFieldsOf(record, parts.withBody), stored: toSearchDocument(record) }
    parts.miniSearch.add(entry)
    parts.spellings.addDocument(record)
    if (parts.withBody) parts.bodies.set(record.id, record.bodyText)
  }
}

/**
 * Builds a writable embedded engine from records. Index time only: it
 * spells words in pinyin with pinyin-pro, which never reaches the browser.
 */
export function buildEmbeddedSearch(records: PublicRecord[], options: EmbeddedBuildOptions = {}): EmbeddedSearch {
  const pinyinTable = buildPinyinTable(records.map((record) => `${record.title}${record.summary}`))
  const parts: EmbeddedParts = {
    miniSearch: new MiniSearch(miniSearchOptions()),
    spellings: new SpellingMap(new PinyinLookup(pinyinTable), options.synonyms),
    pinyinTable,
    withBody: options.withBody ?? true,
    bodies: new Map(),
    indexRecords,
  }
  indexRecords(parts, records)
  return new EmbeddedSearch(parts)
}
