import type { AudienceCode, CategoryCode, ContentTypeCode, FamilySituationCode, GradeCode, OccasionCode, StageCode } from '../vocabulary.ts'

/** One titled part of an item's page (objectives, body, practice…), as HTML the CMS has already escaped. */
export interface PublicSection {
  /** Stable key of the part, e.g. `objectives`, `body`, `practice`, `reflection`, `background`. */
  key: string
  /** Chinese heading shown above the part. */
  heading: string
  /** Safe HTML: the CMS's converters' output passed through sanitizeSectionHtml (only http(s) and site-relative URLs). */
  html: string
}

/** The playable form of a micro-lesson's video, once it has been transcoded. */
export interface PublicVideo {
  /** Site-relative URL of the HLS master playlist. */
  master: string
  /** Site-relative URL of the audio-only playlist (省流量), when there is one. */
  audio: string | null
  poster: string | null
  captions: string | null
  durationSeconds: number
  width: number
  height: number
  /** Renditions, lowest first, with their bandwidth for data-cost labels. */
  renditions: { name: string; height: number; bandwidth: number }[]
}

/**
 * The public content contract: one published item as search, the site and
 * the widgets see it. Only published content is ever mapped to a record,
 * and nothing in it comes from CMS internals (ids, drafts, review notes).
 */
export interface PublicRecord {
  /** `${type}:${slug}`: the same on every database and stable across re-imports. */
  id: string
  type: ContentTypeCode
  slug: string
  /** Site-relative URL of the item's page. */
  url: string
  title: string
  summary: string
  /** Plain text of the body, for matching and snippets. */
  bodyText: string
  stages: StageCode[]
  grades: GradeCode[]
  /** Teaching order of the earliest grade (幼儿园小班 = 1 … 高三 = 15, special needs = 16); 99 without a grade. */
  gradeOrder: number
  /** Theme slugs, main theme first. */
  themes: string[]
  themeNames: string[]
  audience: AudienceCode[]
  category: CategoryCode | null
  durationMinutes: number | null
  familySituations: FamilySituationCode[]
  /** ISO 8601. */
  publishedAt: string
  /** A lesson's place in its grade (1–20); null for other types. */
  sequence: number | null
  /** The month an activity plan is for (1–12); null for other types. */
  month: number | null
  occasion: OccasionCode | null
  /** The parts of the item's page, in reading order. */
  sections: PublicSection[]
  /** Ids of related records (a lesson's micro-lessons, cases and plan; a micro-lesson's lesson…). */
  related: string[]
  /** Who presents a micro-lesson (an organization or role, never a person). */
  presenter: string | null
  video: PublicVideo | null
}

/** A theme as the site lists it. */
export interface PublicTheme {
  slug: string
  name: string
  description: string
}

/** An organization that runs a parent school or workshop, as the site shows it. */
export interface PublicOrganization {
  slug: string
  name: string
  type: string
  region: string
  description: string
  /** Origins allowed to frame this organization's widgets (`frame-ancestors`). */
  allowedOrigins: string[]
}

/** A published course list: an organization's ordered plan of lessons and micro-lessons. */
export interface PublicCourseList {
  slug: string
  title: string
  description: string
  organization: string
  items: { recordId: string; date: string | null; note: string }[]
  publishedAt: string
}

/** Where the site serves media files the CMS produced: HLS output and caption files. */
export const MEDIA_URL_PREFIX = { hls: '/media/hls/', captions: '/media/captions/' } as const

/** The site URL of a media file, from its path relative to the CMS's HLS or captions folder. */
export function mediaUrl(kind: keyof typeof MEDIA_URL_PREFIX, relativePath: string): string {
  return MEDIA_URL_PREFIX[kind] + relativePath.split('/').map(encodeURIComponent).join('/')
}

/** Everything the CMS publishes for the site, widgets and search: written by the CMS export, read by the site build. */
export interface PublishedContent {
  generatedAt: string
  /** Folders holding the files behind `MEDIA_URL_PREFIX`, for the site build to copy; absent when there are none. */
  mediaSources?: { hls: string; captions: string }
  records: PublicRecord[]
  themes: PublicTheme[]
  organizations: PublicOrganization[]
  courseLists: PublicCourseList[]
}

const sectionOfType: Record<ContentTypeCode, string> = {
  lesson: 'lessons',
  'micro-lesson': 'micro-lessons',
  'case-study': 'cases',
  'lesson-plan': 'plans',
  'activity-plan': 'activities',
}

/** The site URL of an item. */
export function urlFor(type: ContentTypeCode, slug: string): string {
  return `/${sectionOfType[type]}/${encodeURIComponent(slug)}/`
}

/** The stable record id of an item. */
export function recordId(type: ContentTypeCode, slug: string): string {
  return `${type}:${slug}`
}
