import type { Hit, Meilisearch } from 'meilisearch'
import {
  facetNames,
  searchDocumentFields,
  toSearchDocument,
  type FacetCounts,
  type SearchDocument,
  type SearchHit,
  type SearchResponse,
} from '../engine/searchResponse.ts'
import { escapeHtml } from '@gongyu/contract'
import { snippet } from '../query/highlight.ts'
import type { SearchQuery } from '../query/searchQuery.ts'
import { normalizeText } from '../text/normalize.ts'
import { tokenize } from '../text/tokenize.ts'
import { HIGHLIGHT_END, HIGHLIGHT_START, markedTextToHtml } from './meiliMarkers.ts'
import { meiliFilterOf } from './meiliFilter.ts'
import { MEILI_LOCALES, meiliFacetAttributes } from './meiliSettings.ts'

const CROP_WORDS = 30

type StoredHit = Hit<SearchDocument & { bodyText?: string }>

function sortOf(query: SearchQuery): string[] | undefined {
  if (query.sort === 'grade') return ['gradeOrder:asc', 'sequence:asc']
  if (query.sort === 'newest') return ['publishedAtTimestamp:desc']
  return undefined
}

function hitOf(hit: StoredHit, terms: string[]): SearchHit {
  const document = toSearchDocument(hit)
  const croppedBody = hit._formatted?.bodyText
  const bodyMatched = typeof croppedBody === 'string' && croppedBody.includes(HIGHLIGHT_START)
  return {
    ...document,
    titleHtml: typeof hit._formatted?.title === 'string' ? markedTextToHtml(hit._formatted.title) : escapeHtml(document.title),
    snippetHtml: bodyMatched ? markedTextToHtml(croppedBody) : snippet(document.summary, terms),
  }
}

/**
 * One query against a Meilisearch index, answered in the shared response
 * shape. Browser-safe: it needs only a search key, and never pinyin-pro.
 */
export async function searchMeili(client: Meilisearch, indexUid: string, query: SearchQuery): Promise<SearchResponse> {
  const response = await client.index<SearchDocument & { bodyText?: string }>(indexUid).search(normalizeText(query.text), {
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
  const facets = Object.fromEntries(
    facetNames.map((facet, index) => [facet, { ...(response.facetDistribution?.[meiliFacetAttributes[index] ?? facet] ?? {}) }]),
  ) as FacetCounts
  return {
    engine: 'meilisearch',
    query,
    total: response.totalHits ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    totalPages: response.totalPages ?? 0,
    hits: response.hits.map((hit) => hitOf(hit, terms)),
    facets,
  }
}
