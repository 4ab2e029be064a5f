import MiniSearch from 'minisearch'
import type { PublicRecord } from '@gongyu/contract'
import { countFacets, matchesFilters, toSearchDocument, type SearchDocument, type SearchEngine, type SearchResponse } from '@gongyu/search'

/**
 * The naive baseline for the benchmark: MiniSearch with its default
 * tokenizer and no Chinese processing (no segmentation, conversion,
 * pinyin or synonyms), over the same fields.
 */
export function naiveBaseline(records: PublicRecord[]): SearchEngine {
  const miniSearch = new MiniSearch<PublicRecord>({ fields: ['title', 'summary', 'bodyText'], storeFields: ['id'] })
  miniSearch.addAll(records)
  const documents = new Map(records.map((record) => [record.id, toSearchDocument(record)]))
  return {
    name: 'embedded',
    async search(query): Promise<SearchResponse> {
      const results = miniSearch
        .search(query.text, { boost: { title: 3 } })
        .map((result) => documents.get(String(result.id)) as SearchDocument)
        .filter((document) => matchesFilters(document, query.filters))
      const hits = results
        .slice((query.page - 1) * query.pageSize, query.page * query.pageSize)
        .map((document) => ({ ...document, titleHtml: document.title, snippetHtml: '' }))
      return {
        engine: 'embedded',
        query,
        total: results.length,
        page: query.page,
        pageSize: query.pageSize,
        totalPages: Math.ceil(results.length / query.pageSize),
        hits,
        facets: countFacets(results),
      }
    },
  }
}
