/**
 * The static JSON feeds the widgets read: the one contract between the build
 * (site/src/integrations/feeds.ts writes them) and the browser code here. Only what
 * a widget shows is in a feed; labels are finished text, already converted
 * for the Traditional copy, so the widget needs no vocabulary or converter.
 */

import type * as Contract from '@gongyu/contract'

/** Record types a widget can link to, with the site section of each: the contract's table, checked against it at compile time (a type-only import keeps the contract's code out of the bundle). */
export const SECTION_OF_TYPE = {
  lesson: 'lessons',
  'micro-lesson': 'micro-lessons',
  'case-study': 'cases',
  'lesson-plan': 'plans',
  'activity-plan': 'activities',
  event: 'events',
} as const satisfies typeof Contract.SECTION_OF_TYPE

export type FeedItemType = keyof typeof SECTION_OF_TYPE

/** Kinds of list feed, with the site section of the page that shows the whole list. */
export const SECTION_OF_LIST = {
  'course-list': 'course-lists',
  grade: 'grades',
  theme: 'themes',
} as const satisfies typeof Contract.SECTION_OF_LIST

export type ListKind = keyof typeof SECTION_OF_LIST

/** One item as a widget shows it. URLs are never in a feed: the widget builds them from type and slug. */
export interface FeedItem {
  type: FeedItemType
  slug: string
  title: string
  summary: string
  /** “家长课 · 三年级 · 45 分钟” */
  meta: string
  /** “2026年9月12日”, course lists only. */
  date?: string
  /** The organization's note on this item, course lists only. */
  note?: string
}

/** A course list, a grade's lessons or a theme's lessons. */
export interface ListFeed {
  v: 1
  kind: ListKind
  slug: string
  title: string
  description: string
  /** The organization's name for a course list; empty otherwise. */
  by: string
  items: FeedItem[]
}

/** One lesson or micro-lesson, for `<gongyu-lesson-card>`. */
export interface CardFeed {
  v: 1
  item: FeedItem
}

/** [type, slug, title, meta, keywords]: every published record, for the inline search box. */
export type SearchEntry = [FeedItemType, string, string, string, string]

export interface SearchFeed {
  v: 1
  items: SearchEntry[]
}

/** An upcoming event, for `<gongyu-event-list>`: `date` is its time written out in Beijing time; the host and grades let a widget filter. */
export interface EventFeedItem extends FeedItem {
  /** Slug of the host organization; empty when none. */
  organization: string
  /** Grade codes. */
  grades: string[]
}

/** The upcoming events at build time, earliest first. */
export interface EventFeed {
  v: 1
  items: EventFeedItem[]
}

/** Feed paths below the site root (and below zh-hant/ for Traditional). */
export const feedPath = {
  list: (kind: ListKind, slug: string) => `feeds/${SECTION_OF_LIST[kind]}/${slug}.json`,
  card: (type: FeedItemType, slug: string) => `feeds/${SECTION_OF_TYPE[type]}/${slug}.json`,
  search: () => 'feeds/search.json',
  events: () => 'feeds/events.json',
}

/** Slugs and grade codes: lowercase letters, digits and single hyphens (the CMS's own rule). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
