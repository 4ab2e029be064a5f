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
import { escapeHtml } from '@gongyu/contract'
import { countFacets } from '../engine/facets.ts'
import { planQuery, type QueryPlan } from '../embedded/planQuery.ts'
import { SpellingMap } from '../embedded/spellingIndex.ts'
import { snippet } from '../query/highlight.ts'
import type { SearchQuery } from '../query/searchQuery.ts'
import { PinyinLookup } from '../text/pinyinTable.ts'
import { HIGHLIGHT_END, HIGHLIGHT_START, markedTextToHtml } from './meiliMarkers.ts'
import { meiliFilterOf } from './meiliFilter.ts'
import { meiliQueryOf, type MeiliQuery } from './meiliQuery.ts'
import { MEILI_LOCALES, meiliFacetAttributes } from './meiliSettings.ts'

const CROP_WORDS = 30
/** How deep each word's own search looks, so scores can be added up over enough of the bank. */
const CHUNK_DEPTH = 40
/** The embedded engine's straggler share: results under this share of the best score are dropped. */
const STRAGGLER_SHARE = 0.1

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
function searchParams(query: SearchQuery, q: string) {
  return {
    q,
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
    showRankingScore: true,
  }
}

/** Facet counts of disjoint groups, added up. */
function sumFacetCounts(groups: FacetCounts[]): FacetCounts {
  const counts = Object.fromEntries(facetNames.map((facet) => [facet, {}])) as FacetCounts
  for (const group of groups) {
    for (const facet of facetNames) {
      for (const [value, count] of Object.entries(group[facet])) counts[facet][value] = (counts[facet][value] ?? 0) + count
    }
  }
  return counts
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
 * One query plan in one multi-search request. Items for a grade or type the
 * query names come first (三年级玩手机: 三年级's items, then the rest), as in
 * the embedded engine: Meilisearch has no per-query boost by attribute, so
 * each group is searched with its own disjoint filter. In each group the
 * key text and each of the plan's weightiest terms are searched, and their
 * ranking scores added up (see `MeiliQuery.chunks`). Each search is asked
 * for every hit up to the end of the page (at least CHUNK_DEPTH), because
 * where the page starts in a later group depends on the earlier ones.
 */
async function searchInBuckets(
  client: Meilisearch,
  indexUid: string,
  query: SearchQuery,
  meili: MeiliQuery,
): Promise<{ hits: StoredHit[]; total: number; facets: FacetCounts }> {
  const filter = meiliFilterOf(query.filters)
  const offset = (query.page - 1) * query.pageSize
  const wanted = offset + query.pageSize
  const perChunk = Math.max(wanted, CHUNK_DEPTH)
  const bucketQuery = (bucket: string[][], q: string): MultiSearchQuery => ({
    indexUid,
    ...searchParams(query, q),
    filter: [...filter, ...bucket],
    page: 1,
    hitsPerPage: perChunk,
  })
  // A term's own search only scores and brings hits: no facets, highlights or crops.
  const chunkQuery = (bucket: string[][], q: string): MultiSearchQuery => ({
    indexUid,
    q,
    locales: MEILI_LOCALES,
    filter: [...filter, ...bucket],
    attributesToRetrieve: [...searchDocumentFields],
    showRankingScore: true,
    page: 1,
    hitsPerPage: perChunk,
  })
  const queries = meili.buckets.flatMap((bucket) => [bucketQuery(bucket, meili.q), ...meili.chunks.map((chunk) => chunkQuery(bucket, chunk.q))])
  const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, StoredDocument>({ queries })
  if (results.length !== queries.length) throw new Error(`Meilisearch 只回答了 ${results.length} 个查询（应为 ${queries.length} 个）。`)
  const perBucket = meili.chunks.length + 1
  const groups = meili.buckets.map((_, index) => {
    const [text, ...chunks] = results.slice(index * perBucket, (index + 1) * perBucket)
    if (!text) throw new Error('Meilisearch 少回答了一个查询。')
    if (chunks.length === 0) return { hits: text.hits, total: text.totalHits ?? 0, facets: facetCountsOf([text]) }
    // Each hit's score: the text's ranking score plus each word's, weighted, as the embedded engine adds its terms' scores.
    const scores = new Map<string, { hit: StoredHit; score: number }>()
    const add = (hit: StoredHit, score: number) => {
      const entry = scores.get(hit.id)
      if (entry) entry.score += score
      else scores.set(hit.id, { hit, score })
    }
    for (const hit of text.hits) add(hit, hit._rankingScore ?? 0)
    chunks.forEach((result, chunk) => {
      for (const hit of result.hits) add(hit, (hit._rankingScore ?? 0) * (meili.chunks[chunk]?.weight ?? 0))
    })
    // As in the embedded engine, hits far below the best matched only common words (孩子, 家长) and are dropped.
    const best = Math.max(0, ...[...scores.values()].map((entry) => entry.score))
    const hits = [...scores.values()]
      .filter((entry) => entry.score >= best * STRAGGLER_SHARE)
      .sort((a, b) => b.score - a.score)
      .map((entry) => entry.hit)
    // Counted from the hits themselves when every search fitted in the depth asked for (the usual case);
    // past that, the text's own counts stand in, as a lower bound.
    const complete = [text, ...chunks].every((result) => result.hits.length < perChunk)
    if (complete) return { hits, total: hits.length, facets: countFacets(hits.map((hit) => toSearchDocument(hit))) }
    return { hits, total: Math.max(text.totalHits ?? 0, hits.length), facets: facetCountsOf([text]) }
  })
  return {
    hits: groups.flatMap((group) => group.hits).slice(offset, offset + query.pageSize),
    total: groups.reduce((sum, group) => sum + group.total, 0),
    facets: sumFacetCounts(groups.map((group) => group.facets)),
  }
}

/** Plans a query's text; the server passes one that knows the bank's words, the browser a basic one. */
export type QueryPlanner = (text: string) => QueryPlan

let basicPlanner: QueryPlanner | undefined

/** A plan without the bank's words (no typo correction or pinyin): Traditional → Simplified, grades and types named. */
function planWithoutVocabulary(text: string): QueryPlan {
  if (!basicPlanner) {
    const lookup = new PinyinLookup({})
    const spellings = new SpellingMap(lookup)
    basicPlanner = (planned) => planQuery(planned, spellings, lookup)
  }
  return basicPlanner(text)
}

/**
 * One query against a Meilisearch index, answered in the shared response
 * shape, from the same query plan as the embedded engine. Browser-safe: it
 * needs only a search key, and never pinyin-pro.
 */
export async function searchMeili(
  client: Meilisearch,
  indexUid: string,
  query: SearchQuery,
  planner: QueryPlanner = planWithoutVocabulary,
): Promise<SearchResponse> {
  const plan = query.text ? planner(query.text) : undefined
  const meili: MeiliQuery = plan ? meiliQueryOf(plan, query.sort === 'relevance') : { q: '', chunks: [], buckets: [[]] }
  let found: { hits: StoredHit[]; total: number; facets: FacetCounts }
  if (meili.buckets.length > 1 || meili.chunks.length > 0) {
    found = await searchInBuckets(client, indexUid, query, meili)
  } else {
    const { q, ...params } = searchParams(query, meili.q)
    const response = await client
      .index<StoredDocument>(indexUid)
      .search(q, { ...params, filter: meiliFilterOf(query.filters), page: query.page, hitsPerPage: query.pageSize })
    found = { hits: response.hits, total: response.totalHits ?? 0, facets: facetCountsOf([response]) }
  }
  const terms = plan ? plan.highlightTerms : []
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
