import type { ContentTypeCode } from './vocabulary.ts'

/** The site section (first path segment) of each content type's pages. */
export const SECTION_OF_TYPE = {
  lesson: 'lessons',
  'micro-lesson': 'micro-lessons',
  'case-study': 'cases',
  'lesson-plan': 'plans',
  'activity-plan': 'activities',
  event: 'events',
} as const satisfies Record<ContentTypeCode, string>

/** Kinds of list page, with their site section. */
export const SECTION_OF_LIST = {
  'course-list': 'course-lists',
  grade: 'grades',
  theme: 'themes',
} as const

export type ListKind = keyof typeof SECTION_OF_LIST

/** The site URL of an item. */
export function urlFor(type: ContentTypeCode, slug: string): string {
  return `/${SECTION_OF_TYPE[type]}/${encodeURIComponent(slug)}/`
}

/** The stable record id of an item. */
export function recordId(type: ContentTypeCode, slug: string): string {
  return `${type}:${slug}`
}

/** Where the site serves media files the CMS produced: HLS output and caption files. */
export const MEDIA_URL_PREFIX = { hls: '/media/hls/', captions: '/media/captions/' } as const

/** The site URL of a media file, from its path relative to the CMS's HLS or captions folder. */
export function mediaUrl(kind: keyof typeof MEDIA_URL_PREFIX, relativePath: string): string {
  return MEDIA_URL_PREFIX[kind] + relativePath.split('/').map(encodeURIComponent).join('/')
}
