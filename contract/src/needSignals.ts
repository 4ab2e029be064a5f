import { z } from 'zod'

/** What a needs signal records (需求分析, issue 17): a parent asked with 没找到？告诉我们, or a search found nothing. */
export const needSignalKinds = [
  { code: 'asked', label: '家长告诉我们' },
  { code: 'zero-result', label: '搜索无结果' },
] as const

export type NeedSignalKind = (typeof needSignalKinds)[number]['code']

/** Limits of a needs signal, shared by the phone (what it sends) and the CMS (what it accepts). */
export const needSignalLimits = {
  /** A search query is short; anything longer is a message, not a query. */
  query: { minLength: 1, maxLength: 40 },
  province: { maxLength: 12 },
  county: { maxLength: 20 },
} as const

/** The body the site sends to `POST /api/anonymous/need-signal`: the query and, if the parent chose one, a county or province. */
export const needSignalBodySchema = z
  .object({
    kind: z.enum(['asked', 'zero-result'], { message: '提交的类型不对，请重新打开搜索页再试。' }),
    query: z
      .string({ message: '请先写下要找的内容。' })
      .trim()
      .min(needSignalLimits.query.minLength, '请先写下要找的内容。')
      .max(needSignalLimits.query.maxLength, `搜索词最多 ${needSignalLimits.query.maxLength} 个字，请写短一些。`),
    province: z.string().trim().min(1).max(needSignalLimits.province.maxLength, '省份名称太长了，请从列表中选择。').optional(),
    county: z.string().trim().min(1).max(needSignalLimits.county.maxLength, '县（区）名称太长了，请从列表中选择。').optional(),
  })
  .strict()
  .refine((body) => !body.county || body.province, { message: '选了县（区）就要同时有所在的省份。', path: ['province'] })

export type NeedSignalBody = z.infer<typeof needSignalBodySchema>

/** A province and, when the region names one, a county: how an organization's region (甘肃省某县) reads as an area. */
export interface RegionParts {
  province: string
  county: string | null
}

// Provinces, autonomous regions, the four municipalities and the two special administrative regions.
const PROVINCE = /^(.{2,9}?(?:省|自治区|特别行政区)|北京市|天津市|上海市|重庆市)(.*)$/

/** The province and county of a region written the way organizations write it (甘肃省某县, 北京市海淀区), or undefined. */
export function regionParts(region: string): RegionParts | undefined {
  const match = PROVINCE.exec(region.normalize('NFKC').replace(/\s+/g, ''))
  if (!match?.[1]) return undefined
  const county = match[2] ?? ''
  return { province: match[1], county: county.length > 0 ? county : null }
}

const MS_PER_DAY = 86_400_000
/** Mainland China keeps UTC+8 all year (no daylight saving), so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000

/**
 * The ISO 8601 week (`2026-W49`) holding `instant` in Asia/Shanghai: Monday
 * to Sunday, and the week belongs to the year of its Thursday. The only date
 * a needs signal keeps, never the day or the time.
 */
export function isoWeekOf(instant: Date): string {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS)
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) / MS_PER_DAY
  const weekday = (local.getUTCDay() + 6) % 7
  const thursday = new Date((day - weekday + 3) * MS_PER_DAY)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * MS_PER_DAY)) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** `2026-W49`: the shape `isoWeekOf` gives. */
export const ISO_WEEK = /^\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3])$/
