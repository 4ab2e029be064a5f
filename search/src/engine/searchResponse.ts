import type { PublicRecord } from '@gongyu/contract'
import type { SearchQuery } from '../query/searchQuery.ts'

/** The part of a public record a search index keeps for showing and filtering results. */
export type SearchDocument = Pick<
  PublicRecord,
  | 'id'
  | 'type'
  | 'slug'
  | 'url'
  | 'title'
  | 'summary'
  | 'stages'
  | 'grades'
  | 'gradeOrder'
  | 'sequence'
  | 'themes'
  | 'themeNames'
  | 'audience'
  | 'category'
  | 'durationMinutes'
  | 'familySituations'
  | 'publishedAt'
>

/** The record fields kept in a search document, in one place for both engines. */
export const searchDocumentFields = [
  'id',
  'type',
  'slug',
  'url',
  'title',
  'summary',
  'stages',
  'grades',
  'gradeOrder',
  'sequence',
  'themes',
  'themeNames',
  'audience',
  'category',
  'durationMinutes',
  'familySituations',
  'publishedAt',
] as const satisfies readonly (keyof SearchDocument)[]

/** The search document of a record, or of anything that carries its fields (a stored hit). */
export function toSearchDocument(source: Pick<PublicRecord, (typeof searchDocumentFields)[number]>): SearchDocument {
  return Object.fromEntries(searchDocumentFields.map((field) => [field, source[field]])) as SearchDocument
}

/** One result: the document plus HTML-safe highlighted title and snippet. */
export interface SearchHit extends SearchDocument {
  /** The title, HTML-escaped, with matched words in `<mark>`. */
  titleHtml: string
  /** A short passage, HTML-escaped, with matched words in `<mark>`. */
  snippetHtml: string
}

/** Facet values and how many results have each, per facet. */
export type FacetCounts = Record<FacetName, Record<string, number>>

export const facetNames = ['type', 'stage', 'grade', 'theme', 'audience', 'category', 'familySituation'] as const
export type FacetName = (typeof facetNames)[number]

/** Which document field holds each facet's values. */
export const facetFields = {
  type: 'type',
  stage: 'stages',
  grade: 'grades',
  theme: 'themes',
  audience: 'audience',
  category: 'category',
  familySituation: 'familySituations',
} as const satisfies Record<FacetName, keyof SearchDocument>

/** The same answer from either engine. */
export interface SearchResponse {
  engine: 'embedded' | 'meilisearch'
  query: SearchQuery
  /** Results across all pages. */
  total: number
  page: number
  pageSize: number
  totalPages: number
  hits: SearchHit[]
  /** Counts over every result of the query and filters, not just this page. */
  facets: FacetCounts
}

/** Anything that answers queries: the embedded engine or Meilisearch. */
export interface SearchEngine {
  readonly name: SearchResponse['engine']
  search(query: SearchQuery): Promise<SearchResponse>
}

/** Anything that keeps a search index in step with published content. */
export interface SearchIndexWriter {
  /** Adds or replaces records. */
  upsert(records: PublicRecord[]): Promise<void>
  /** Removes records by id; unknown ids are ignored. */
  remove(ids: string[]): Promise<void>
  /** Replaces the whole index with these records. */
  replaceAll(records: PublicRecord[]): Promise<void>
}
