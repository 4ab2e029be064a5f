import { MAX_PAGE_SIZE } from './queryLimits'

/** The REST query-string parameters this check reads (after Payload has parsed numbers and booleans, or before). */
export interface ListParameters {
  limit?: unknown
  page?: unknown
  depth?: unknown
  pagination?: unknown
}

function asInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined
  if (typeof value === 'string' && /^-?\d{1,9}$/.test(value.trim())) return Number(value)
  return undefined
}

/**
 * Why a REST request's paging parameters are refused, in Chinese, or null
 * when they are fine. `limit` above the page size is not an error (it is
 * lowered to it); a `limit` of 0 or `pagination=false` asks for everything at
 * once, which only `wholeListAllowed` requests (not GET reads) may do.
 */
export function checkListParameters(query: ListParameters, options: { wholeListAllowed: boolean }): string | null {
  if (query.limit !== undefined) {
    const limit = asInteger(query.limit)
    if (limit === undefined || limit < 0) return `limit 必须是 1 到 ${MAX_PAGE_SIZE} 之间的整数（超过 ${MAX_PAGE_SIZE} 按 ${MAX_PAGE_SIZE} 返回）。`
    if (limit === 0 && !options.wholeListAllowed) return `不能一次读取全部（limit=0）；请分页读取，每页最多 ${MAX_PAGE_SIZE} 条。`
  }
  if (query.page !== undefined) {
    const page = asInteger(query.page)
    if (page === undefined || page < 1) return 'page 必须是从 1 开始的整数。'
  }
  if (query.depth !== undefined) {
    const depth = asInteger(query.depth)
    if (depth === undefined || depth < 0) return 'depth 必须是 0 或正整数。'
  }
  if (query.pagination !== undefined) {
    const pagination = query.pagination
    if (pagination !== true && pagination !== false && pagination !== 'true' && pagination !== 'false') return 'pagination 只能是 true 或 false。'
    if ((pagination === false || pagination === 'false') && !options.wholeListAllowed)
      return `不能关闭分页（pagination=false）；请分页读取，每页最多 ${MAX_PAGE_SIZE} 条。`
  }
  return null
}
