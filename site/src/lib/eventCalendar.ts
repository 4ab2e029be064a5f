import { eventKinds, labelOf, type PublicRecord } from '@gongyu/contract'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import { eventTimeLabel } from './eventTime.ts'

/** An event record: a public record with its event details. */
export type EventRecord = PublicRecord & { event: NonNullable<PublicRecord['event']> }

/** True for records that are events with their details. */
export function isEventRecord(record: PublicRecord): record is EventRecord {
  return record.type === 'event' && record.event !== undefined
}

export interface CalendarOptions {
  /** The calendar's name, as a phone's calendar app lists the subscription. */
  name: string
  /** The public site origin: pages are linked absolutely and UIDs end with its host. */
  siteUrl: string
  /** The organization names by slug, for the description. */
  organizationName?: (slug: string) => string | undefined
  /** The replay's page URL (site-relative), when the event has one in this build. */
  replayUrl?: (recordId: string) => string | undefined
}

/** The UID of an event in every file it appears in: the record id at the site's host, so a re-import updates it instead of adding it again. */
export function eventUid(record: Pick<PublicRecord, 'id'>, siteUrl: string): string {
  return `${record.id}@${new URL(siteUrl).host}`
}

function descriptionOf(record: EventRecord, options: CalendarOptions): string {
  const host = record.event.organization ? options.organizationName?.(record.event.organization) : undefined
  const replay = record.event.replay ? options.replayUrl?.(record.event.replay) : undefined
  return [
    record.summary,
    `时间：${eventTimeLabel(record.event.startsAt, record.event.endsAt)}（北京时间）`,
    record.presenter ? `主讲：${record.presenter}` : '',
    host ? `主办：${host}` : '',
    record.event.liveUrl ? `直播：${record.event.liveUrl}` : '',
    replay ? `回放：${new URL(replay, options.siteUrl).toString()}` : '',
    `详情：${new URL(record.url, options.siteUrl).toString()}`,
  ]
    .filter(Boolean)
    .join('\n')
}

/**
 * An RFC 5545 calendar of events, written by ical-generator: times in UTC
 * (so no VTIMEZONE is needed and every app shows its own local time), a stable
 * UID per event and its last publication as DTSTAMP, lines folded at 75 octets
 * without splitting a character.
 */
export function eventCalendar(records: readonly EventRecord[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'gongyu', product: 'events', language: 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
    // Subscribed apps look again about twice a day.
    ttl: 12 * 60 * 60,
  })
  for (const record of records) {
    calendar.createEvent({
      id: eventUid(record, options.siteUrl),
      start: new Date(record.event.startsAt),
      end: new Date(record.event.endsAt),
      stamp: new Date(record.publishedAt),
      summary: record.title,
      description: descriptionOf(record, options),
      location: record.event.venue ?? record.event.liveUrl ?? null,
      url: new URL(record.url, options.siteUrl).toString(),
      categories: [{ name: labelOf(eventKinds, record.event.kind) ?? record.event.kind }],
      status: ICalEventStatus.CONFIRMED,
    })
  }
  return calendar.toString()
}
