import {
  audiences,
  categories,
  contentTypes,
  familySituations,
  grades,
  stages,
  type AudienceCode,
  type CategoryCode,
  type ContentTypeCode,
  type FamilySituationCode,
  type GradeCode,
  type StageCode,
} from '@gongyu/contract'

/** The longest free-text query accepted; longer ones are refused, not truncated. */
export const MAX_QUERY_LENGTH = 200
export const MAX_PAGE_SIZE = 50
export const DEFAULT_PAGE_SIZE = 10
export const MAX_PAGE = 100

export const sortOrders = ['relevance', 'grade', 'newest'] as const
export type SortOrder = (typeof sortOrders)[number]

/** Filters over the public record; values within one filter are alternatives (OR), filters combine with AND. */
export interface SearchFilters {
  type?: ContentTypeCode[]
  stage?: StageCode[]
  grade?: GradeCode[]
  theme?: string[]
  audience?: AudienceCode[]
  category?: CategoryCode[]
  familySituation?: FamilySituationCode[]
}

export type FilterName = keyof SearchFilters

/** One search, the same for both engines. */
export interface SearchQuery {
  /** Free text; empty means "browse" (filters and sort only). */
  text: string
  filters: SearchFilters
  sort: SortOrder
  page: number
  pageSize: number
}

/** A query that cannot be run; `field` names the part at fault, `message` is Chinese for the reader. */
export class SearchQueryError extends Error {
  readonly field: string
  constructor(field: string, message: string) {
    super(message)
    this.name = 'SearchQueryError'
    this.field = field
  }
}

const THEME_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const allowedValues: Record<Exclude<FilterName, 'theme'>, readonly string[]> = {
  type: contentTypes.map((entry) => entry.code),
  stage: stages.map((entry) => entry.code),
  grade: grades.map((entry) => entry.code),
  audience: audiences.map((entry) => entry.code),
  category: categories.map((entry) => entry.code),
  familySituation: familySituations.map((entry) => entry.code),
}

const filterLabels: Record<FilterName, string> = {
  type: '类型',
  stage: '学段',
  grade: '年级',
  theme: '主题',
  audience: '适用对象',
  category: '课程类别',
  familySituation: '家庭情况',
}

export const filterNames = Object.keys(filterLabels) as FilterName[]

/** Raw input, as it arrives from a URL, a form or the command line. */
export type SearchQueryInput = Partial<Record<'q' | 'text' | 'sort' | 'page' | 'pageSize' | FilterName, string | string[] | number | undefined>>

function listOf(value: string | string[] | number | undefined): string[] {
  if (value === undefined) return []
  const values = Array.isArray(value) ? value : String(value).split(',')
  return values.map((entry) => entry.trim()).filter(Boolean)
}

function integer(field: string, value: string | string[] | number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback
  const number = Number(Array.isArray(value) ? value[0] : value)
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new SearchQueryError(field, `${field === 'page' ? '页码' : '每页条数'}应为 ${min} 到 ${max} 之间的整数。`)
  }
  return number
}

/**
 * Checks and normalizes a query. Filter values must be known codes (theme
 * slugs must look like slugs), so nothing a user types can reach an engine's
 * filter syntax; anything else is a SearchQueryError with a Chinese message.
 */
export function parseSearchQuery(input: SearchQueryInput): SearchQuery {
  const rawText = input.q ?? input.text ?? ''
  const text = (Array.isArray(rawText) ? rawText.join(' ') : String(rawText)).replace(/\s+/g, ' ').trim()
  if ([...text].length > MAX_QUERY_LENGTH) {
    throw new SearchQueryError('q', `搜索词太长了（最多 ${MAX_QUERY_LENGTH} 个字），请换几个关键词再试。`)
  }
  const filters: SearchFilters = {}
  for (const name of filterNames) {
    const values = [...new Set(listOf(input[name]))]
    if (values.length === 0) continue
    const unknown = name === 'theme' ? values.filter((value) => !THEME_SLUG.test(value)) : values.filter((value) => !allowedValues[name].includes(value))
    if (unknown.length > 0) {
      throw new SearchQueryError(name, `未知的${filterLabels[name]}：${unknown.join('、')}`)
    }
    ;(filters as Record<FilterName, string[]>)[name] = values
  }
  const sortValue = String(input.sort ?? (text ? 'relevance' : 'grade'))
  if (!(sortOrders as readonly string[]).includes(sortValue)) {
    throw new SearchQueryError('sort', `未知的排序方式：${sortValue}。可选：relevance（相关度）、grade（年级）、newest（最新）`)
  }
  return {
    text,
    filters,
    sort: sortValue as SortOrder,
    page: integer('page', input.page, 1, 1, MAX_PAGE),
    pageSize: integer('pageSize', input.pageSize, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
  }
}
