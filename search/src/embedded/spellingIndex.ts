import type { SearchDocument } from '../engine/searchResponse.ts'
import { normalizeText } from '../text/normalize.ts'
import { hanBigrams, hanRuns } from '../text/tokenize.ts'
import type { PinyinLookup } from '../text/pinyinTable.ts'
import { allSynonymGroups } from '../text/synonyms.ts'
import type { SpellingIndex } from './planQuery.ts'

// A chunk with several polyphones is listed under a few spellings, not all of them.
export const SPELLINGS_PER_CHUNK = 4

/**
 * The bank's two-character chunks by pinyin spelling, built from the
 * titles, summaries and theme names the index stores, plus the synonym
 * list. It is derived when an index loads, so the static index need not
 * carry it.
 */
export class SpellingMap implements SpellingIndex {
  private readonly bySpelling = new Map<string, Set<string>>()
  private readonly known = new Set<string>()
  /** In how many documents each chunk appears, for how much a word tells documents apart (its IDF). */
  private readonly documentCounts = new Map<string, number>()
  private documents = 0
  private readonly lookup: PinyinLookup
  longestSpelling = 0

  /** `synonyms`: the groups the planner expands with (see planQuery), whose chunks count as the bank's words. */
  constructor(lookup: PinyinLookup, synonyms: readonly (readonly string[])[] = allSynonymGroups()) {
    this.lookup = lookup
    for (const group of synonyms) this.addText(group.join(' '))
  }

  /** Adds every chunk of a text under its spellings. */
  addText(text: string): void {
    for (const run of hanRuns(normalizeText(text))) {
      for (const bigram of hanBigrams(run)) {
        if (bigram.length < 2 || this.known.has(bigram)) continue
        for (const spelling of this.lookup.spellingsOf(bigram, SPELLINGS_PER_CHUNK)) this.add(spelling, bigram)
        this.known.add(bigram)
      }
    }
  }

  /** Adds the stored text of a search document. */
  addDocument(document: Pick<SearchDocument, 'title' | 'summary' | 'themeNames'>): void {
    const text = [document.title, document.summary, ...document.themeNames].join(' ')
    this.addText(text)
    this.documents += 1
    for (const bigram of new Set(hanRuns(normalizeText(text)).flatMap(hanBigrams))) {
      this.documentCounts.set(bigram, (this.documentCounts.get(bigram) ?? 0) + 1)
    }
  }

  documentShare(chunk: string): number {
    return this.documents === 0 ? 0 : (this.documentCounts.get(chunk) ?? 0) / this.documents
  }

  add(spelling: string, word: string): void {
    const words = this.bySpelling.get(spelling)
    if (words) words.add(word)
    else this.bySpelling.set(spelling, new Set([word]))
    this.known.add(word)
    this.longestSpelling = Math.max(this.longestSpelling, spelling.length)
  }

  /** What the map holds, for writing it into the browser's sharded index (see sharded/buildShardedIndex.ts). */
  contents(): {
    bySpelling: ReadonlyMap<string, ReadonlySet<string>>
    known: ReadonlySet<string>
    documentCounts: ReadonlyMap<string, number>
    documents: number
  } {
    return { bySpelling: this.bySpelling, known: this.known, documentCounts: this.documentCounts, documents: this.documents }
  }

  bigramsOf(spelling: string): string[] {
    return [...(this.bySpelling.get(spelling) ?? [])]
  }

  isKnown(bigram: string): boolean {
    return this.known.has(bigram)
  }
}
