import type { Catalog } from '../content/catalog.ts'
import type { CalendarOptions } from './eventCalendar.ts'

/** The calendar options of a build: names and replay pages from its catalog. */
export function calendarOptions(catalog: Catalog, siteUrl: string, name: string): CalendarOptions {
  return {
    name,
    siteUrl,
    organizationName: (slug) => catalog.organization(slug)?.name,
    replayUrl: (recordId) => catalog.byId.get(recordId)?.url,
  }
}

/** A calendar file as a build output; the static server types `.ics` as text/calendar by its extension. */
export function calendarResponse(text: string): Response {
  return new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } })
}
