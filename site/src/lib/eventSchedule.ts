import type { PublicRecord } from '@gongyu/contract'
import { type EventRecord, isEventRecord } from './eventCalendar.ts'
import { dayKeyOf, monthKeyOf, shiftMonth } from './eventTime.ts'

/** The most month pages the calendar has, so one stray date cannot make thousands of pages. */
export const MAX_CALENDAR_MONTHS = 36

/** The events among some records, earliest first. */
export function eventsOf(records: readonly PublicRecord[]): EventRecord[] {
  return records.filter(isEventRecord).sort((a, b) => a.event.startsAt.localeCompare(b.event.startsAt) || a.slug.localeCompare(b.slug))
}

/** True once an event has ended, as of `today`. */
export function hasEnded(event: EventRecord, today: Date): boolean {
  return Date.parse(event.event.endsAt) <= today.getTime()
}

/**
 * The months the calendar has a page for: every month from the first event's
 * (or today's, if earlier) to the last event's (or today's, if later), with
 * none missing, so "previous" and "next" always lead somewhere. At most
 * MAX_CALENDAR_MONTHS, kept around today.
 */
export function calendarMonths(events: readonly EventRecord[], today: Date): string[] {
  const current = monthKeyOf(today)
  const keys = [current, ...events.map((event) => monthKeyOf(event.event.startsAt))].sort()
  const first = keys[0] ?? current
  const last = keys.at(-1) ?? current
  const months: string[] = []
  for (let month = first; month <= last; month = shiftMonth(month, 1)) months.push(month)
  if (months.length <= MAX_CALENDAR_MONTHS) return months
  const index = months.indexOf(current)
  const start = Math.max(0, Math.min(index - MAX_CALENDAR_MONTHS / 2, months.length - MAX_CALENDAR_MONTHS))
  return months.slice(start, start + MAX_CALENDAR_MONTHS)
}

/** Events by the Beijing day they start on (`2026-12-19`), each day's earliest first. */
export function eventsByDay(events: readonly EventRecord[]): Map<string, EventRecord[]> {
  const days = new Map<string, EventRecord[]>()
  for (const event of events) {
    const key = dayKeyOf(event.event.startsAt)
    days.set(key, [...(days.get(key) ?? []), event])
  }
  return days
}

/** The site path of a month's calendar page. */
export function calendarPath(monthKey: string): string {
  return `/events/calendar/${monthKey}/`
}

/** Site paths of the calendar files: one per event, and the subscribable feeds. */
export const calendarFilePath = {
  event: (slug: string) => `/events/${slug}.ics`,
  all: () => '/events/feeds/all.ics',
  organization: (slug: string) => `/events/feeds/organization/${slug}.ics`,
  grade: (code: string) => `/events/feeds/grade/${code}.ics`,
}
