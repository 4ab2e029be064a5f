import MiniSearch, { type AsPlainObject, type SearchResult } from 'minisearch'
import { countFacets, matchesFilters } from '../engine/facets.ts'
import {
  searchDocumentFields,
  toSearchDocument,
  type SearchDocument,
  type SearchEngine,
  type SearchHit,
  type SearchIndexWriter,
  type SearchResponse,
} from '../engine/searchResponse.ts'
import { highlight, snippet } from '../query/highlight.ts'
import { isForNamedGrade } from '../query/namedGrades.ts'
import type { SearchQuery } from '../query/searchQuery.ts'
import type { GradeCode, PublicRecord } from '@gongyu/contract'
import { PinyinLookup, type PinyinTable } from '../text/pinyinTable.ts'
import { tokenize } from '../text/tokenize.ts'
import { fieldBoosts, type IndexedField } from './fieldBoosts.ts'
import { planQuery } from './planQuery.ts'
import { mentionBoost, STRAGGLER_SHARE } from './ranking.ts'
import { SpellingMap } from './spellingIndex.ts'

const SPACE = /\s+/

/** What a static index file holds; `EmbeddedSearch.load` reads it in the browser. */
export interface StaticIndexData {
  format: 'gongyu-embedded-search'
  version: 1
  /** Whether record bodies were indexed (the browser index leaves them out to stay small). */
  withBody: boolean
  index: AsPlainObject
  pinyinTable: PinyinTable
}

export const STATIC_INDEX_VERSION = 1

/** What is added to MiniSearch for one record. */
export interface IndexEntry {
  id: string
  text: Record<IndexedField, string>
  stored: SearchDocument
}

/** MiniSearch options: our own tokenizer for Chinese text, space-separated pinyin fields, no further processing. */
export function miniSearchOptions() {
  return {
    idField: 'id',
    fields: Object.keys(fieldBoosts) as IndexedField[],
    storeFields: [...searchDocumentFields],
    tokenize: (text: string, fieldName?: string) => {
      if (fieldName === 'pinyin' || fieldName === 'initials') return text.split(SPACE).filter(Boolean)
      // Single characters (的, 了, 把) only bloat the index; titles keep them so a one-character query still finds something.
      return fieldName === 'titleText' ? tokenize(text) : tokenize(text).filter((term) => term.length > 1)
    },
    processTerm: (term: string) => term,
    // Indexed text and stored fields share names (title, themeNames), so they are kept apart in the added object.
    extractField: (entry: IndexEntry, fieldName: string) =>
      fieldName === 'id' ? entry.id : fieldName in fieldBoosts ? entry.text[fieldName as IndexedField] : entry.stored[fieldName as keyof SearchDocument],
    searchOptions: { tokenize: (text: string) => [text], processTerm: (term: string) => term },
  }
}

function withoutStragglers<T extends SearchResult>(results: T[]): T[] {
  const best = Math.max(0, ...results.map((result) => result.score))
  return results.filter((result) => result.score >= best * STRAGGLER_SHARE)
}

/**
 * Results in the order a sort asks for. By relevance, items for a grade the
 * query names come first (三年级玩手机: 三年级's screen-time lessons before
 * 一年级's), then by score; ties fall back to teaching order.
 */
function sortResults(results: (SearchResult & SearchDocument)[], sort: SearchQuery['sort'], namedGrades: readonly GradeCode[]): void {
  const byGrade = (a: SearchDocument, b: SearchDocument) =>
    a.gradeOrder - b.gradeOrder || (a.sequence ?? 99) - (b.sequence ?? 99) || a.title.localeCompare(b.title, 'zh')
  const namedFirst = (a: SearchDocument, b: SearchDocument) => Number(isForNamedGrade(b, namedGrades)) - Number(isForNamedGrade(a, namedGrades))
  if (sort === 'grade') results.sort(byGrade)
  else if (sort === 'newest') results.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || byGrade(a, b))
  else results.sort((a, b) => namedFirst(a, b) || b.score - a.score || byGrade(a, b))
}

/**
 * The embedded search engine: MiniSearch with Gongyu's Chinese text
 * processing. The same class runs in the CMS (with record bodies) and in
 * the browser (from the static index, without bodies).
 */
/** The pieces of an embedded engine; `indexRecords` is present only where index-time tools (pinyin-pro) are. */
export interface EmbeddedParts {
  miniSearch: MiniSearch
  spellings: SpellingMap
  pinyinTable: PinyinTable
  withBody: boolean
  /** Record bodies by id, for snippets (empty in the browser). */
  bodies: Map<string, string>
  indexRecords?: (parts: EmbeddedParts, records: PublicRecord[]) => void
}

export class EmbeddedSearch implements SearchEngine, SearchIndexWriter {
  readonly name = 'embedded' as const
  private readonly parts: EmbeddedParts
  private readonly pinyinLookup: PinyinLookup

  constructor(parts: EmbeddedParts) {
    this.parts = parts
    this.pinyinLookup = new PinyinLookup(parts.pinyinTable)
  }

  /** Loads a static index (in the browser, or anywhere without pinyin-pro). It answers queries but cannot add records. */
  static load(data: StaticIndexData): EmbeddedSearch {
    if (data.format !== 'gongyu-embedded-search' || data.version !== STATIC_INDEX_VERSION) {
      throw new Error(`搜索索引格式不对（需要第 ${STATIC_INDEX_VERSION} 版），请重新构建网站。`)
    }
    const miniSearch = MiniSearch.loadJS(data.index, miniSearchOptions())
    const spellings = new SpellingMap(new PinyinLookup(data.pinyinTable))
    for (const id of Object.values(data.index.documentIds)) spellings.addDocument(miniSearch.getStoredFields(id) as unknown as SearchDocument)
    return new EmbeddedSearch({ miniSearch, spellings, pinyinTable: data.pinyinTable, withBody: data.withBody, bodies: new Map() })
  }

  private get miniSearch(): MiniSearch {
    return this.parts.miniSearch
  }

  /** The spelling map the engine plans with, for the browser's sharded index (built once with the index, not again). */
  get spellingMap(): SpellingMap {
    return this.parts.spellings
  }

  toStaticIndex(): StaticIndexData {
    const { miniSearch, pinyinTable, withBody } = this.parts
    return { format: 'gongyu-embedded-search', version: STATIC_INDEX_VERSION, withBody, index: miniSearch.toJSON(), pinyinTable }
  }

  async upsert(records: PublicRecord[]): Promise<void> {
    const indexRecords = this.writer()
    await this.remove(records.map((record) => record.id))
    indexRecords(this.parts, records)
  }

  private writer(): NonNullable<EmbeddedParts['indexRecords']> {
    if (!this.parts.indexRecords) throw new Error('静态搜索索引是只读的，请在构建时更新。')
    return this.parts.indexRecords
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) {
      if (this.miniSearch.has(id)) this.miniSearch.discard(id)
      this.parts.bodies.delete(id)
    }
  }

  async replaceAll(records: PublicRecord[]): Promise<void> {
    const indexRecords = this.writer()
    this.miniSearch.removeAll()
    this.parts.bodies.clear()
    indexRecords(this.parts, records)
  }

  async search(query: SearchQuery): Promise<SearchResponse> {
    return this.searchNow(query)
  }

  /** The same as `search`, synchronously (the engine is in memory). */
  searchNow(query: SearchQuery): SearchResponse {
    const filter = (result: SearchResult) => matchesFilters(result as unknown as SearchDocument, query.filters)
    let results: (SearchResult & SearchDocument)[]
    let highlightTerms: string[] = []
    let grades: GradeCode[] = []
    if (query.text === '') {
      results = this.miniSearch.search(MiniSearch.wildcard, { filter }) as (SearchResult & SearchDocument)[]
    } else {
      const plan = planQuery(query.text, this.parts.spellings, this.pinyinLookup)
      highlightTerms = plan.highlightTerms
      grades = plan.grades
      results = (
        plan.terms.length === 0
          ? []
          : this.miniSearch.search(
              { combineWith: 'OR', queries: plan.terms },
              {
                boost: fieldBoosts,
                boostTerm: (term) => plan.weights.get(term) ?? 1,
                prefix: (term) => plan.prefixTerms.has(term),
                boostDocument: (_id, _term, stored) => mentionBoost(stored as unknown as SearchDocument, plan),
                filter,
              },
            )
      ) as (SearchResult & SearchDocument)[]
      results = withoutStragglers(results)
    }
    sortResults(results, query.sort, grades)
    const total = results.length
    const start = (query.page - 1) * query.pageSize
    const hits = results.slice(start, start + query.pageSize).map((result) => this.hitOf(result, highlightTerms))
    return {
      engine: 'embedded',
      query,
      total,
      page: query.page,
      pageSize: query.pageSize,
      totalPages: Math.ceil(total / query.pageSize),
      hits,
      facets: countFacets(results),
    }
  }

  private hitOf(result: SearchResult & SearchDocument, terms: string[]): SearchHit {
    const document = toSearchDocument(result)
    const body = this.parts.bodies.get(document.id) ?? ''
    const inSummary = terms.some((term) => document.summary.toLowerCase().includes(term))
    return {
      ...document,
      titleHtml: highlight(document.title, terms),
      snippetHtml: !inSummary && body && terms.some((term) => body.includes(term)) ? snippet(body, terms) : snippet(document.summary, terms),
    }
  }
}
