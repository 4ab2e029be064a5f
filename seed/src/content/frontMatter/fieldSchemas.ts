import { contentLimits, isLessonOrder, LESSON_ORDER_DECIMALS, type RowRange, type TextLength, type ValueRange } from '@gongyu/contract'
import { z } from 'zod'
import { countCharacters } from '../markdown.ts'

/**
 * Zod building blocks for front matter, each with the Chinese message the
 * content lint prints. Limits the CMS enforces arrive as the contract's
 * `ValueRange`, `RowRange` and `TextLength`; `least` (字, counted as editors
 * count them) is the starter bank's own writing standard where the CMS sets
 * no minimum.
 */

const MISSING = '必填'

function isMissing(input: unknown): boolean {
  return input === undefined || input === null
}

/** Accepts nothing but the fields it names: a misspelt key is reported, not silently ignored. */
export function frontMatterObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? '未知字段，可能拼错了' : '应为键值对') })
}

interface TextOptions {
  /** The fewest 字 the starter bank accepts. */
  least?: number
  /** The most 字 the starter bank accepts, where the CMS sets no limit. */
  most?: number
  /** The CMS's limit, measured as Payload measures it (string length). */
  cms?: TextLength
}

/** A required text; empty counts as missing. */
export function text(options: TextOptions = {}) {
  return z.string({ error: (issue) => (isMissing(issue.input) ? MISSING : '应为文本') }).superRefine((value, ctx) => {
    const length = countCharacters(value)
    if (length === 0) ctx.addIssue({ code: 'custom', message: MISSING })
    else if (options.least !== undefined && length < options.least) ctx.addIssue({ code: 'custom', message: `${length} 字，至少 ${options.least} 字` })
    else if (options.most !== undefined && length > options.most) ctx.addIssue({ code: 'custom', message: `${length} 字，最多 ${options.most} 字` })
    if (options.cms && value.length > options.cms.maxLength) {
      ctx.addIssue({ code: 'custom', message: `${value.length} 字，最多 ${options.cms.maxLength} 字` })
    }
  })
}

/** A whole number within the CMS's range. */
export function integer(range: ValueRange) {
  return z
    .number({ error: (issue) => (isMissing(issue.input) ? MISSING : '应为整数') })
    .int({ error: '应为整数' })
    .superRefine((value, ctx) => {
      if (value < range.min || value > range.max) ctx.addIssue({ code: 'custom', message: `应在 ${range.min}–${range.max} 之间，现为 ${value}` })
    })
}

/** One code of a vocabulary list (grades, stages, categories…). */
/** A lesson's teaching order in its grade, as the CMS takes it: up to two decimals, so 5.5 sits between 5 and 6. */
export function lessonOrder() {
  const { min, max } = contentLimits.lesson.sequence
  return z
    .number({ error: (issue) => (isMissing(issue.input) ? MISSING : '应为数字') })
    .refine(isLessonOrder, { error: `应为 ${min}–${max} 之间的数，最多 ${LESSON_ORDER_DECIMALS} 位小数` })
}

export function code<const Code extends string>(codes: readonly Code[]) {
  return z.enum(codes as [Code, ...Code[]], {
    error: (issue) => (isMissing(issue.input) ? MISSING : `未知取值 ${JSON.stringify(issue.input)}，可选：${codes.join(' / ')}`),
  })
}

/** The slug of another item or of a theme; whether it exists is a bank rule. */
export function slug() {
  return z
    .string({ error: (issue) => (isMissing(issue.input) ? MISSING : '应为 slug 文本') })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: (issue) => `${JSON.stringify(issue.input)} 不是 slug：只能有小写字母、数字和连字符` })
}

function rowCountMessage(rows: RowRange, count: number): string | undefined {
  if (count >= rows.minRows && count <= rows.maxRows) return undefined
  return rows.minRows === 0 ? `最多 ${rows.maxRows} 项，现为 ${count} 项` : `应有 ${rows.minRows}–${rows.maxRows} 项，现为 ${count} 项`
}

type RowList<Item extends z.ZodType, Rows extends RowRange> = Rows['minRows'] extends 0 ? z.ZodOptional<z.ZodArray<Item>> : z.ZodArray<Item>

/** A list of rows within a row range, without repeats; it may be left out when the range allows no rows. */
export function list<Item extends z.ZodType, const Rows extends RowRange>(item: Item, rows: Rows): RowList<Item, Rows> {
  const rowList = z.array(item, { error: (issue) => (isMissing(issue.input) ? MISSING : '应为列表') }).superRefine((value, ctx) => {
    const countProblem = rowCountMessage(rows, value.length)
    if (countProblem) ctx.addIssue({ code: 'custom', message: countProblem })
    if (new Set(value.map((entry) => JSON.stringify(entry))).size !== value.length) ctx.addIssue({ code: 'custom', message: '有重复项' })
  })
  // The conditional type cannot be narrowed by the runtime check; both branches match it.
  return (rows.minRows === 0 ? rowList.optional() : rowList) as RowList<Item, Rows>
}

/** A list of short texts (objectives, materials…), each at least `least` 字. */
export function textList<const Rows extends RowRange>(rows: Rows, least: number) {
  return list(
    z.string({ error: `应为至少 ${least} 字的文本` }).refine((entry) => countCharacters(entry) >= least, { error: `应为至少 ${least} 字的文本` }),
    rows,
  )
}
