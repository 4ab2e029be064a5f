import { httpsUrlSchema, type PublicEvent, type PublicRecord } from '@gongyu/contract'
import type { Event } from '../../payload-types'
import { recordBase } from '../../publishing/recordBase'
import type { PlaceReference, RecordLookups } from '../../publishing/recordLookups'
import { recordSections } from '../../publishing/recordSections'
import { relatedRecordIds } from '../../publishing/relatedRecordIds'
import { htmlOf } from '../../publishing/sectionHtml'
import { stagesOf } from '../../publishing/stagesOf'

function isoInstant(value: string): string {
  return new Date(value).toISOString()
}

/** A live link the contract accepts (https, a real host), or null: a stored value is never trusted to be one. */
function safeLiveUrl(value: string | null | undefined): string | null {
  const trimmed = value?.trim()
  return trimmed && httpsUrlSchema.safeParse(trimmed).success ? trimmed : null
}

function placeLabel(place: PlaceReference): string {
  return place.address ? `${place.name}（${place.address}）` : place.name
}

/** The public record of a published event (活动日历) with its time, place and replay; undefined for a draft. */
export function eventToPublicRecord(event: Event, lookups: RecordLookups): PublicRecord | undefined {
  const base = recordBase({ type: 'event', doc: event, grades: event.grades, themes: event.themes ?? [] }, lookups)
  if (!base) return undefined
  const startsAt = isoInstant(event.startsAt)
  const endsAt = isoInstant(event.endsAt)
  const minutes = Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000)
  const online = event.mode === 'online'
  const place = online || event.place === null || event.place === undefined ? undefined : lookups.placeOf?.(event.place)
  // The typed venue wins (it may name the room); otherwise the directory entry's name and address.
  const venue = online ? null : event.venue?.trim() || (place ? placeLabel(place) : null)
  const replay = relatedRecordIds(lookups, ['micro-lessons', event.replay])[0] ?? null
  const details: PublicEvent = {
    kind: event.kind,
    startsAt,
    endsAt,
    mode: event.mode,
    venue,
    place: place?.slug ?? null,
    liveUrl: online ? safeLiveUrl(event.liveUrl) : null,
    organization: lookups.organizationSlugOf?.(event.organization) ?? null,
    held: event.held === true,
    replay: event.held === true ? replay : null,
  }
  return {
    ...base,
    summary: event.summary,
    bodyText: [event.summary, event.presenter, venue].filter(Boolean).join('\n'),
    sections: recordSections(['about', '活动介绍', htmlOf(event.summary)]),
    related: details.replay ? [details.replay] : [],
    stages: stagesOf(event.grades),
    audience: ['parents'],
    durationMinutes: minutes > 0 ? minutes : null,
    presenter: event.presenter,
    event: details,
  }
}
