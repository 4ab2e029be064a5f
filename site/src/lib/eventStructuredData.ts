import { type PublicOrganization, type PublicPlace, type PublicRecord, placeUrls } from '@gongyu/contract'
import type { EventRecord } from './eventCalendar.ts'
import { beijingParts } from './eventTime.ts'
import { gradesLabel } from './labels.ts'

const pad = (value: number) => String(value).padStart(2, '0')

/** An instant as ISO 8601 in Beijing time (`2026-12-19T14:00:00+08:00`), as search engines show event times. */
export function beijingIso(instant: string): string {
  const parts = beijingParts(instant)
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}:00+08:00`
}

/** schema.org `EducationEvent` for an event page: its time, place or stream, host, and replay once held. */
export function educationEvent(
  record: EventRecord,
  organization: PublicOrganization | undefined,
  replay: PublicRecord | undefined,
  siteUrl: string,
  place?: PublicPlace,
): Record<string, unknown> {
  const { event } = record
  const online = event.mode === 'online'
  return {
    '@context': 'https://schema.org',
    '@type': 'EducationEvent',
    name: record.title,
    description: record.summary,
    url: new URL(record.url, siteUrl).toString(),
    inLanguage: 'zh-Hans',
    startDate: beijingIso(event.startsAt),
    endDate: beijingIso(event.endsAt),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: online ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
    location: online
      ? { '@type': 'VirtualLocation', ...(event.liveUrl ? { url: event.liveUrl } : {}) }
      : place
        ? // No `geo`: the directory's coordinates are GCJ-02, and schema.org reads WGS 84.
          {
            '@type': 'Place',
            name: place.name,
            address: place.address || event.venue || place.name,
            url: new URL(placeUrls.place(place.slug), siteUrl).toString(),
          }
        : { '@type': 'Place', name: event.venue ?? '', address: event.venue ?? '' },
    educationalLevel: gradesLabel(record),
    audience: { '@type': 'EducationalAudience', educationalRole: 'parent' },
    isAccessibleForFree: true,
    // Who speaks is an organization or a role, never a person.
    ...(record.presenter ? { performer: { '@type': 'Organization', name: record.presenter } } : {}),
    ...(organization
      ? { organizer: { '@type': 'Organization', name: organization.name, url: new URL(`/organizations/${organization.slug}/`, siteUrl).toString() } }
      : {}),
    ...(replay ? { recordedIn: { '@type': 'CreativeWork', name: replay.title, url: new URL(replay.url, siteUrl).toString() } } : {}),
  }
}
