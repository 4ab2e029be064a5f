import type { Hit, Meilisearch, MultiSearchQuery, SearchResponse as MeiliResponse } from 'meilisearch'
import {
  facetNames,
  searchDocumentFields,
  toSearchDocument,
  type FacetCounts,
  type SearchDocument,
  type SearchHit,
  type SearchResponse,
} from '../engine/searchResponse.ts'
import { escapeHtml, type GradeCode } from '@gongyu/contract'
import { snippet } from '../query/highlight.ts'
import { namedGrades } from '../query/namedGrades.ts'
import type { SearchQuery } from '../query/searchQuery.ts'
import { normalizeText } from '../text/normalize.ts'
import { tokenize } from '../text/tokenize.ts'
import { HIGHLIGHT_END, HIGHLIGHT_START, markedTextToHtml } from './meiliMarkers.ts'
import { meiliFilterOf, quoteFilterValue } from './meiliFilter.ts'
import { MEILI_LOCALES, meiliFacetAttributes } from './meiliSettings.ts'

const CROP_WORDS = 30

type StoredDocument = SearchDocument & { bodyText?: string }
type StoredHit = Hit<StoredDocument>

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

/** Search parameters shared by every request of one query (everything but the filter and the page). */
function searchParams(query: SearchQuery) {
  return {
    q: normalizeText(query.text),
    facets: [...meiliFacetAttributes],
    sort: sortOf(query),
    locales: MEILI_LOCALES,
    attributesToRetrieve: [...searchDocumentFields],
    attributesToHighlight: ['title'],
    attributesToCrop: ['bodyText'],
    cropLength: CROP_WORDS,
    highlightPreTag: HIGHLIGHT_START,
    highlightPostTag: HIGHLIGHT_END,
    matchingStrategy: 'frequency' as const,
  }
}

/** Facet counts of disjoint result sets, added up, in the shared facet names. */
function facetCountsOf(responses: MeiliResponse<StoredDocument>[]): FacetCounts {
  const counts = Object.fromEntries(facetNames.map((facet) => [facet, {}])) as FacetCounts
  facetNames.forEach((facet, index) => {
    for (const response of responses) {
      for (const [value, count] of Object.entries(response.facetDistribution?.[meiliFacetAttributes[index] ?? facet] ?? {})) {
        counts[facet][value] = (counts[facet][value] ?? 0) + count
      }
    }
  })
  return counts
}

/**
 * Items for a grade the query names first (三年级玩手机: 三年级's items, then
 * the rest), as in the embedded engine. Meilisearch has no per-query boost
 * by attribute, so the two groups are two searches with disjoint filters,
 * sent in one multi-search request and joined here. The second is asked for
 * every hit up to the end of the page, because where the page starts in it
 * depends on how many the first one has.
 */
async function searchNamedGradesFirst(
  client: Meilisearch,
  indexUid: string,
  query: SearchQuery,
  grades: GradeCode[],
): Promise<{ hits: StoredHit[]; total: number; facets: FacetCounts }> {
  const filter = meiliFilterOf(query.filters)
  const offset = (query.page - 1) * query.pageSize
  const forNamed: MultiSearchQuery = {
    indexUid,
    ...searchParams(query),
    filter: [...filter, grades.map((grade) => `grades = ${quoteFilterValue(grade)}`)],
    page: query.page,
    hitsPerPage: query.pageSize,
  }
  const forOthers: MultiSearchQuery = {
    indexUid,
    ...searchParams(query),
    filter: [...filter, ...grades.map((grade) => `grades != ${quoteFilterValue(grade)}`)],
    page: 1,
    hitsPerPage: offset + query.pageSize,
  }
  const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, StoredDocument>({ queries: [forNamed, forOthers] })
  const [named, others] = results
  if (!named || !others) throw new Error(`Meilisearch 只回答了 ${results.length} 个查询（应为 2 个）。`)
  const namedTotal = named.totalHits ?? 0
  const othersFrom = Math.max(0, offset - namedTotal)
  const hits = [...named.hits, ...others.hits.slice(othersFrom, othersFrom + query.pageSize - named.hits.length)]
  return { hits, total: namedTotal + (others.totalHits ?? 0), facets: facetCountsOf([named, others]) }
}

/**
 * One query against a Meilisearch index, answered in the shared response
 * shape. Browser-safe: it needs only a search key, and never pinyin-pro.
 */
export async function searchMeili(client: Meilisearch, indexUid: string, query: SearchQuery): Promise<SearchResponse> {
  const grades = query.text && query.sort === 'relevance' ? namedGrades(query.text) : []
  let found: { hits: StoredHit[]; total: number; facets: FacetCounts }
  if (grades.length > 0) {
    found = await searchNamedGradesFirst(client, indexUid, query, grades)
  } else {
    const { q, ...params } = searchParams(query)
    const response = await client
      .index<StoredDocument>(indexUid)
      .search(q, { ...params, filter: meiliFilterOf(query.filters), page: query.page, hitsPerPage: query.pageSize })
    found = { hits: response.hits, total: response.totalHits ?? 0, facets: facetCountsOf([response]) }
  }
  const terms = query.text ? tokenize(query.text) : []
  return {
    engine: 'meilisearch',
    query,
    total: found.total,
    page: query.page,
    pageSize: query.pageSize,
    totalPages: Math.ceil(found.total / query.pageSize),
    hits: found.hits.map((hit) => hitOf(hit, terms)),
    facets: found.facets,
  }
}
