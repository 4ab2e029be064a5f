import { Meilisearch, type Hit } from 'meilisearch'
import { facetNames, searchDocumentFields, type FacetCounts, type SearchDocument, type SearchEngine, type SearchHit, type SearchIndexWriter, type SearchResponse } from '../engine/searchResponse.ts'
import { escapeHtml, snippet } from '../query/highlight.ts'
import type { SearchQuery } from '../query/searchQuery.ts'
import type { PublicRecord } from '../record/publicRecord.ts'
import { normalizeText } from '../text/normalize.ts'
import { tokenize } from '../text/tokenize.ts'
import { HIGHLIGHT_END, HIGHLIGHT_START, meiliKeyOf, toMeiliDocument, type MeiliDocument } from './meiliDocument.ts'
import { meiliFilterOf } from './meiliFilter.ts'
import { MEILI_LOCALES, meiliFacetAttributes, meiliSettings } from './meiliSettings.ts'
import { succeeded } from './meiliTasks.ts'

export interface MeiliConnection {
  host: string
  /** A key allowed to do what is asked: search only for the site, admin for indexing. */
  apiKey?: string
  /** The public index (`gongyu-public` by default). */
  indexUid?: string
}

export const DEFAULT_INDEX_UID = 'gongyu-public'
const BATCH_SIZE = 500
const CROP_WORDS = 30

/** Turns Meilisearch's marked text into safe HTML: everything is escaped first, then only the markers become `<mark>`. */
export function markedTextToHtml(text: string): string {
  return escapeHtml(text).replaceAll(HIGHLIGHT_START, '<mark>').replaceAll(HIGHLIGHT_END, '</mark>')
}

function sortOf(query: SearchQuery): string[] | undefined {
  if (query.sort === 'grade') return ['gradeOrder:asc', 'sequence:asc']
  if (query.sort === 'newest') return ['publishedAtTimestamp:desc']
  return undefined
}

/** The Meilisearch engine: the same query model and response as the embedded one, against a hosted index. */
export class MeiliSearchEngine implements SearchEngine, SearchIndexWriter {
  readonly name = 'meilisearch' as const
  readonly client: Meilisearch
  readonly indexUid: string

  constructor(connection: MeiliConnection) {
    this.client = new Meilisearch({ host: connection.host, apiKey: connection.apiKey })
    this.indexUid = connection.indexUid ?? DEFAULT_INDEX_UID
  }

  async search(query: SearchQuery): Promise<SearchResponse> {
    const response = await this.client.index<MeiliDocument>(this.indexUid).search(normalizeText(query.text), {
      filter: meiliFilterOf(query.filters),
      facets: [...meiliFacetAttributes],
      sort: sortOf(query),
      page: query.page,
      hitsPerPage: query.pageSize,
      locales: MEILI_LOCALES,
      attributesToRetrieve: [...searchDocumentFields],
      attributesToHighlight: ['title'],
      attributesToCrop: ['bodyText'],
      cropLength: CROP_WORDS,
      highlightPreTag: HIGHLIGHT_START,
      highlightPostTag: HIGHLIGHT_END,
      matchingStrategy: 'frequency',
    })
    const terms = query.text ? tokenize(query.text) : []
    const facets = Object.fromEntries(facetNames.map((facet, index) => [facet, { ...(response.facetDistribution?.[meiliFacetAttributes[index]!] ?? {}) }])) as FacetCounts
    return {
      engine: 'meilisearch',
      query,
      total: response.totalHits ?? 0,
      page: query.page,
      pageSize: query.pageSize,
      totalPages: response.totalPages ?? 0,
      hits: response.hits.map((hit) => this.hitOf(hit, terms)),
      facets,
    }
  }

  private hitOf(hit: Hit<MeiliDocument>, terms: string[]): SearchHit {
    const document = Object.fromEntries(searchDocumentFields.map((field) => [field, hit[field]])) as SearchDocument
    const croppedBody = hit._formatted?.bodyText
    const bodyMatched = typeof croppedBody === 'string' && croppedBody.includes(HIGHLIGHT_START)
    return {
      ...document,
      titleHtml: typeof hit._formatted?.title === 'string' ? markedTextToHtml(hit._formatted.title) : escapeHtml(document.title),
      snippetHtml: bodyMatched ? markedTextToHtml(croppedBody) : snippet(document.summary, terms),
    }
  }

  /** Creates the index if it is missing and applies the settings; both are safe to repeat. */
  async prepareIndex(indexUid = this.indexUid): Promise<void> {
    const exists = await this.client.index(indexUid).getRawInfo().then(
      () => true,
      (error: { cause?: { code?: string } }) => {
        if (error.cause?.code === 'index_not_found') return false
        throw error
      },
    )
    if (!exists) await succeeded(this.client.createIndex(indexUid, { primaryKey: 'key' }))
    await succeeded(this.client.index(indexUid).updateSettings(meiliSettings()))
  }

  async upsert(records: PublicRecord[], indexUid = this.indexUid): Promise<void> {
    const documents = records.map(toMeiliDocument)
    for (let start = 0; start < documents.length; start += BATCH_SIZE) {
      await succeeded(this.client.index<MeiliDocument>(indexUid).addDocuments(documents.slice(start, start + BATCH_SIZE), { primaryKey: 'key' }))
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return
    await succeeded(this.client.index(this.indexUid).deleteDocuments(ids.map(meiliKeyOf)))
  }

  /**
   * Rebuilds into a fresh index and swaps it in, so searches keep working
   * on the old index until the new one is complete; the old one is then deleted.
   */
  async replaceAll(records: PublicRecord[]): Promise<void> {
    await this.prepareIndex()
    const freshIndexUid = `${this.indexUid}-${Date.now()}`
    await this.prepareIndex(freshIndexUid)
    await this.upsert(records, freshIndexUid)
    await succeeded(this.client.swapIndexes([{ indexes: [this.indexUid, freshIndexUid], rename: false }]))
    await succeeded(this.client.deleteIndex(freshIndexUid))
  }
}
