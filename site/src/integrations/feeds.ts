import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { PublicCourseList, PublicOrganization, PublicRecord, PublicTheme } from '@gongyu/contract'
import { grades, type GradeCode } from '@gongyu/contract'
import { dateLabel, gradesLabel, label, minutesLabel } from '../lib/labels.ts'
import { readSiteConfig } from '../config.ts'
import { eventFeed } from './eventFeed.ts'
import { feedPath, type FeedItem, type ListFeed, type CardFeed, type SearchFeed, type SearchEntry, type EventFeed } from '../widgets/shared/feedTypes.ts'
import { safeText } from '../widgets/shared/safeText.ts'
import { isItemType, isSlug } from '../widgets/shared/siteUrls.ts'

/** The parts of the export feeds are made from (the site's catalog has the same fields). */
export interface FeedSource {
  records: PublicRecord[]
  themes: PublicTheme[]
  organizations: PublicOrganization[]
  courseLists: PublicCourseList[]
}

/** Records a URL or file name can be built from: a known type and a slug that follows the CMS's rule. */
function linkable(record: PublicRecord): boolean {
  return isItemType(record.type) && isSlug(record.slug)
}

function byTeachingOrder(a: PublicRecord, b: PublicRecord): number {
  return (
    a.gradeOrder - b.gradeOrder ||
    (a.sequence ?? Number.POSITIVE_INFINITY) - (b.sequence ?? Number.POSITIVE_INFINITY) ||
    a.title.localeCompare(b.title, 'zh-Hans-CN')
  )
}

/** One record as a widget shows it; text is cleaned here as well as in the widget. */
export function feedItem(record: PublicRecord, placement?: { date: string | null; note: string }): FeedItem {
  const item: FeedItem = {
    type: record.type,
    slug: record.slug,
    title: safeText(record.title, 200),
    summary: safeText(record.summary, 200),
    meta: [label.type(record.type), gradesLabel(record), minutesLabel(record.durationMinutes)].filter(Boolean).join(' · '),
  }
  if (placement?.date) item.date = dateLabel(placement.date)
  const note = safeText(placement?.note, 200)
  if (note) item.note = note
  return item
}

/** A published course list with the items that are still published, in the organization's order. */
export function courseListFeed(list: PublicCourseList, source: FeedSource): ListFeed {
  const byId = new Map(source.records.map((record) => [record.id, record]))
  const organization = source.organizations.find((candidate) => candidate.slug === list.organization)
  const items = list.items.flatMap((entry) => {
    const record = byId.get(entry.recordId)
    return record && linkable(record) ? [feedItem(record, entry)] : []
  })
  return {
    v: 1,
    kind: 'course-list',
    slug: list.slug,
    title: safeText(list.title, 200),
    description: safeText(list.description),
    by: safeText(organization?.name, 120),
    items,
  }
}

/** A grade's lessons in teaching order, titled as the grade page is. */
export function gradeFeed(code: GradeCode, source: FeedSource): ListFeed {
  const grade = grades.find((candidate) => candidate.code === code)
  const lessons = source.records
    .filter((record) => record.type === 'lesson' && record.grades.includes(code) && linkable(record))
    .sort((a, b) => (a.sequence ?? Number.POSITIVE_INFINITY) - (b.sequence ?? Number.POSITIVE_INFINITY))
  return {
    v: 1,
    kind: 'grade',
    slug: code,
    title: `${grade?.label ?? code}家长课程`,
    description: '',
    by: '',
    items: lessons.map((record) => feedItem(record)),
  }
}

/** A theme's lessons, youngest grade first. */
export function themeFeed(theme: PublicTheme, source: FeedSource): ListFeed {
  const lessons = source.records.filter((record) => record.type === 'lesson' && record.themes.includes(theme.slug) && linkable(record)).sort(byTeachingOrder)
  return {
    v: 1,
    kind: 'theme',
    slug: theme.slug,
    title: safeText(theme.name, 200),
    description: safeText(theme.description),
    by: '',
    items: lessons.map((record) => feedItem(record)),
  }
}

/**
 * Every feed of one build, by path below the site root: lists, grades, themes, one card per lesson and micro-lesson,
 * the search titles, and the events still to come on `today`.
 */
export function buildFeeds(source: FeedSource, today: Date = readSiteConfig().buildDate): Map<string, ListFeed | CardFeed | SearchFeed | EventFeed> {
  const feeds = new Map<string, ListFeed | CardFeed | SearchFeed | EventFeed>()
  for (const list of source.courseLists) if (isSlug(list.slug)) feeds.set(feedPath.list('course-list', list.slug), courseListFeed(list, source))
  for (const grade of grades) {
    const feed = gradeFeed(grade.code, source)
    if (feed.items.length > 0) feeds.set(feedPath.list('grade', grade.code), feed)
  }
  for (const theme of source.themes) if (isSlug(theme.slug)) feeds.set(feedPath.list('theme', theme.slug), themeFeed(theme, source))
  const searchEntries: SearchEntry[] = []
  for (const record of [...source.records].sort(byTeachingOrder)) {
    if (!linkable(record)) continue
    const item = feedItem(record)
    if (record.type === 'lesson' || record.type === 'micro-lesson') feeds.set(feedPath.card(record.type, record.slug), { v: 1, item })
    searchEntries.push([item.type, item.slug, item.title, item.meta, safeText(record.themeNames.join(' '), 300)])
  }
  feeds.set(feedPath.search(), { v: 1, items: searchEntries })
  feeds.set(feedPath.events(), eventFeed(source.records, today))
  return feeds
}

/**
 * Writes the feeds into the built site, and a Traditional copy of each under
 * zh-hant/ (converted here, at build time, so widgets never carry a converter).
 * Returns how many feeds and bytes were written per script.
 */
export function writeFeeds(outDir: string, source: FeedSource, convert: (text: string) => string): { feeds: number; bytes: number } {
  let bytes = 0
  const feeds = buildFeeds(source)
  for (const [relative, feed] of feeds) {
    const json = JSON.stringify(feed)
    // Slugs and keys are ASCII, so converting the whole JSON text changes only the Chinese in it.
    for (const [folder, text] of [
      [outDir, json],
      [path.join(outDir, 'zh-hant'), convert(json)],
    ] as const) {
      const file = path.join(folder, relative)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, text)
    }
    bytes += Buffer.byteLength(json)
  }
  return { feeds: feeds.size, bytes }
}
