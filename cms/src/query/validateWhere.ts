import type { FlattenedField } from 'payload'
import { MAX_WHERE_CONDITIONS, MAX_WHERE_NESTING } from './queryLimits'

/** Payload's query operators (payload/dist/types/constants.js, not exported from the package root). */
const OPERATORS = new Set([
  'equals',
  'contains',
  'not_equals',
  'in',
  'all',
  'not_in',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'within',
  'intersects',
  'near',
])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['within', 'intersects', 'near'])
// Payload's own check on a field path (SAFE_FIELD_PATH_REGEX): word characters joined by dots.
const SAFE_PATH = /^\w+(?:\.\w+)*$/

export interface ValidateWhereOptions {
  /** The fields of a related collection, to follow a path through a relationship. */
  fieldsOf?: (collection: string) => FlattenedField[] | undefined
}

type Scalar = string | number | boolean | null | Date

function isScalar(value: unknown): value is Scalar {
  return value === null || value instanceof Date || ['string', 'number', 'boolean'].includes(typeof value)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/** qs turns `where[or][25]=…` into an object with numeric keys instead of an array; both are lists. */
function asList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value
  if (isPlainObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) return Object.values(value)
  return undefined
}

type PathTarget = { kind: 'field'; field: FlattenedField } | { kind: 'unknown' } | { kind: 'inside-document'; field: FlattenedField }

/** The field a dotted path ends on, following groups, arrays and single-collection relationships. */
function resolvePath(path: string, fields: FlattenedField[], options: ValidateWhereOptions): PathTarget {
  const segments = path.split('.')
  let current: FlattenedField[] | undefined = fields
  for (let index = 0; index < segments.length; index += 1) {
    const field: FlattenedField | undefined = current?.find((candidate) => candidate.name === segments[index])
    if (!field) return { kind: 'unknown' }
    const isLast = index === segments.length - 1
    if (isLast) return { kind: 'field', field }
    if (field.type === 'richText' || field.type === 'json') return { kind: 'inside-document', field }
    if (field.type === 'group' || field.type === 'array' || field.type === 'tab') current = field.flattenedFields
    else if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      // `themes.value` style paths are polymorphic only; a single-collection relation continues in the related fields.
      current = options.fieldsOf?.(field.relationTo)
      if (!current) return { kind: 'unknown' }
    } else return { kind: 'unknown' }
  }
  return { kind: 'unknown' }
}

function isDateLike(value: Scalar): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime())
  if (typeof value === 'number') return Number.isFinite(value)
  return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Date.parse(value))
}

function isNumberLike(value: Scalar): boolean {
  if (typeof value === 'number') return Number.isFinite(value)
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
}

const COMPARISONS = new Set(['equals', 'not_equals', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'in', 'not_in', 'all'])

/** Why one operator's value does not fit the field, in Chinese, or null. */
function checkValue(path: string, operator: string, value: unknown, field: FlattenedField | undefined): string | null {
  if (operator === 'exists') {
    return value === true || value === false || value === 'true' || value === 'false' ? null : `where[${path}][exists] 只能是 true 或 false。`
  }
  if (operator === 'within' || operator === 'intersects') {
    return field?.type === 'point' ? null : `where[${path}] 不是地理位置字段，不能用 ${operator}。`
  }
  let values: unknown[]
  if (LIST_OPERATORS.has(operator) || operator === 'near') {
    const list = asList(value)
    values = list ?? (typeof value === 'string' ? value.split(',') : [value])
  } else values = [value]
  if (!values.every(isScalar)) return `where[${path}][${operator}] 的值必须是文字或数字，不能是对象。`
  if (!field || !COMPARISONS.has(operator)) return null
  const scalars = values.filter((item): item is Scalar => item !== null && item !== '')
  if (field.type === 'date' && !scalars.every(isDateLike)) return `where[${path}][${operator}] 的值不是有效日期（例如 2026-01-31 或 2026-01-31T08:00:00Z）。`
  if (field.type === 'number' && !scalars.every(isNumberLike)) return `where[${path}][${operator}] 的值必须是数字。`
  return null
}

/**
 * Why a `where` cannot be run, in Chinese, or null when it can: known
 * operators only, values of the right kind (dates parse, numbers are
 * numbers, no objects where a value belongs), no path into the inside of
 * a rich-text or JSON field, and a bounded size. It runs before the
 * database sees the query, so bad input is a 400, never a database error.
 */
export function validateWhere(where: unknown, fields: FlattenedField[], options: ValidateWhereOptions = {}): string | null {
  let conditions = 0
  const visit = (node: unknown, nesting: number): string | null => {
    if (!isPlainObject(node)) return '查询条件（where）写法不对：每一层都必须是“字段 → 运算符 → 值”。'
    if (nesting > MAX_WHERE_NESTING) return `查询条件（where）嵌套太深，最多 ${MAX_WHERE_NESTING} 层 and/or。`
    for (const [key, condition] of Object.entries(node)) {
      if (key === 'and' || key === 'or') {
        const list = asList(condition)
        if (!list) return `where[${key}] 必须是一组查询条件。`
        for (const item of list) {
          const problem = visit(item, nesting + 1)
          if (problem) return problem
        }
        continue
      }
      if (!SAFE_PATH.test(key)) return `查询条件里的字段名“${key}”无效。`
      if (!isPlainObject(condition)) return `where[${key}] 后面要写运算符，例如 where[${key}][equals]=…`
      const target = resolvePath(key, fields, options)
      if (target.kind === 'inside-document') return `不能按富文本或 JSON 字段“${target.field.name}”的内部结构查询。`
      for (const [operator, value] of Object.entries(condition)) {
        conditions += 1
        if (conditions > MAX_WHERE_CONDITIONS) return `查询条件（where）太多，最多 ${MAX_WHERE_CONDITIONS} 个。`
        if (!OPERATORS.has(operator)) return `不支持的查询运算符“${operator}”。`
        if (GEO_OPERATORS.has(operator) && target.kind === 'field' && target.field.type !== 'point')
          return `where[${key}] 不是地理位置字段，不能用 ${operator}。`
        const problem = checkValue(key, operator, value, target.kind === 'field' ? target.field : undefined)
        if (problem) return problem
      }
    }
    return null
  }
  return visit(where, 0)
}
