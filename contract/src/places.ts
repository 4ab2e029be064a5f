import { z } from 'zod'
import { codesOf } from './vocabulary.ts'

/** Kinds of place in the service map (服务地图, issue 17). */
export const placeKinds = [
  { code: 'practice-base', label: '实践基地' },
  { code: 'guidance-centre', label: '家庭教育指导中心' },
  { code: 'service-station', label: '服务站' },
] as const

export type PlaceKindCode = (typeof placeKinds)[number]['code']

/**
 * The datum of every place's coordinates: GCJ-02, what Amap and Tencent use
 * natively and what a county's staff read off those apps. Baidu uses BD-09
 * unless told otherwise (`coord_type=gcj02`, see mapLinksOf).
 */
export const PLACE_DATUM = 'GCJ-02'

/** Limits of the service map's text, shared by the CMS fields and the CSV import. */
export const placeLimits = {
  name: { minLength: 2, maxLength: 60 },
  county: { maxLength: 30 },
  township: { maxLength: 30 },
  address: { maxLength: 120 },
  openingHours: { maxLength: 120 },
  service: { maxLength: 40 },
  services: { maxRows: 12 },
} as const

// Mainland China with Hainan and the South China Sea islands, and Hong Kong, Macao and Taiwan: a point outside is a typo or swapped axes.
const CHINA = { minLatitude: 3.5, maxLatitude: 53.6, minLongitude: 73.4, maxLongitude: 135.1 }

/** Why a latitude/longitude pair is not a place in China (in Chinese), or undefined when it is one. */
export function coordinateProblem(latitude: number, longitude: number): string | undefined {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return '坐标必须是数字，例如纬度 30.6598、经度 104.0633。'
  const inChina = (lat: number, lng: number) => lat >= CHINA.minLatitude && lat <= CHINA.maxLatitude && lng >= CHINA.minLongitude && lng <= CHINA.maxLongitude
  if (inChina(latitude, longitude)) return undefined
  if (inChina(longitude, latitude)) return `坐标 ${latitude}, ${longitude} 的纬度和经度好像填反了：纬度在前（3.5～53.6），经度在后（73.4～135.1）。`
  return `坐标 ${latitude}, ${longitude} 不在中国境内：纬度应在 3.5～53.6 之间，经度应在 73.4～135.1 之间（${PLACE_DATUM} 坐标，高德或腾讯地图上取点）。`
}

// Digits, separators and brackets as people type them: full-width forms are folded by NFKC first.
const PHONE_SEPARATORS = /[\s\-‐‑–—()（）]/g
const LANDLINE = /^0(?:[12]\d|[3-9]\d{2})[2-9]\d{6,7}$/
const SERVICE_NUMBER = /^[48]00\d{7}$/
// 12345 (政务服务), 12355 (青少年服务台), 12338 (妇女维权), 12356 (心理援助) and other public 12xxx lines; 96xxx local service lines.
const PUBLIC_HOTLINE = /^(?:12\d{3}|96\d{3,4})$/
const MOBILE = /^(?:0{0,2}86)?1[3-9]\d{9}$/
const EXTENSION = /(?:转|ext\.?|x)\s*(\d{1,6})$/i

/** An organization's public phone in one written form (0838-2212345, 400-123-4567, 12355), or a Chinese reason it is not one. */
export function parsePublicPhone(input: string): { phone: string } | { problem: string } {
  const folded = input.normalize('NFKC').trim().replace(/^\+/, '')
  const extension = EXTENSION.exec(folded)
  const digits = (extension ? folded.slice(0, extension.index) : folded).replace(PHONE_SEPARATORS, '')
  const suffix = extension ? ` 转 ${extension[1]}` : ''
  if (!/^\d+$/.test(digits)) return { problem: `电话「${input}」只能包含数字、空格、横线和括号，例如 0838-2212345。` }
  if (MOBILE.test(digits)) {
    return {
      problem:
        '这是手机号码。服务地图只公布机构的固定电话（带区号）、400/800 服务热线或 12355 这样的公共服务号码；手机号码属于个人，不能公开，请换成机构的座机。',
    }
  }
  if (LANDLINE.test(digits)) {
    // Beijing, Shanghai, Tianjin, Chongqing and the 02x cities have three-digit codes (with the 0); the rest four.
    const codeLength = /^0[12]/.test(digits) ? 3 : 4
    return { phone: `${digits.slice(0, codeLength)}-${digits.slice(codeLength)}${suffix}` }
  }
  if (SERVICE_NUMBER.test(digits)) return { phone: `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}${suffix}` }
  if (PUBLIC_HOTLINE.test(digits) && !extension) return { phone: digits }
  return { problem: `电话「${input}」不是固定电话（要带区号，例如 0838-2212345）、400/800 服务热线或 12355 这样的公共服务号码。` }
}

/** A place in the service map as the site shows it. */
export const publicPlaceSchema = z.object({
  slug: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(codesOf(placeKinds)),
  county: z.string().min(1),
  township: z.string(),
  address: z.string(),
  openingHours: z.string(),
  services: z.array(z.string()),
  /** The organization's public landline or service number; never a person's mobile. */
  phone: z.string().nullable(),
  /** Where it is, in the datum named beside it. */
  location: z.object({ latitude: z.number(), longitude: z.number(), datum: z.literal(PLACE_DATUM) }),
  /** The day someone last checked the entry (YYYY-MM-DD, Asia/Shanghai). */
  lastCheckedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
})

export type PublicPlace = z.infer<typeof publicPlaceSchema>

/** A link that opens a map app (or its web page) at a place. */
export interface MapLink {
  app: 'amap' | 'tencent' | 'baidu'
  label: string
  href: string
}

// Map apps ask the calling site to name itself; any stable name is accepted.
const CALLER = 'gongyu'

/**
 * Links to Amap, Tencent and Baidu maps at a place, from its GCJ-02
 * coordinates: the web URI of each app, which opens the app on a phone that
 * has it and the map's web page otherwise. No map tiles are embedded.
 * - Amap `uri.amap.com/marker`: `position=lng,lat`, `coordinate=gaode` (GCJ-02).
 * - Tencent `apis.map.qq.com/uri/v1/marker`: `coord:lat,lng`; `coord_type=2` is Tencent's own GCJ-02.
 * - Baidu `api.map.baidu.com/marker`: `location=lat,lng`, BD-09 unless `coord_type=gcj02`.
 */
export function mapLinksOf(place: Pick<PublicPlace, 'name' | 'address' | 'location'>): MapLink[] {
  const { latitude, longitude } = place.location
  const amap = new URL('https://uri.amap.com/marker')
  amap.search = new URLSearchParams({ position: `${longitude},${latitude}`, name: place.name, coordinate: 'gaode', src: CALLER, callnative: '1' }).toString()
  const tencent = new URL('https://apis.map.qq.com/uri/v1/marker')
  // Tencent reads `;` and `:` inside `marker` as separators, so they are dropped from the name and address.
  const clean = (text: string) => text.replace(/[;:；：]/g, ' ').trim()
  const marker = `coord:${latitude},${longitude};title:${clean(place.name)};addr:${clean(place.address) || clean(place.name)}`
  tencent.search = new URLSearchParams({ marker, coord_type: '2', referer: CALLER }).toString()
  const baidu = new URL('https://api.map.baidu.com/marker')
  baidu.search = new URLSearchParams({
    location: `${latitude},${longitude}`,
    title: place.name,
    content: place.address || place.name,
    coord_type: 'gcj02',
    output: 'html',
    src: `webapp.${CALLER}.places`,
  }).toString()
  return [
    { app: 'amap', label: '高德地图', href: amap.toString() },
    { app: 'tencent', label: '腾讯地图', href: tencent.toString() },
    { app: 'baidu', label: '百度地图', href: baidu.toString() },
  ]
}

/** The site URL of the service map, and of one place in it. */
export const placeUrls = {
  directory: '/places/',
  place: (slug: string) => `/places/${encodeURIComponent(slug)}/`,
}
