import type { APIRoute, GetStaticPaths } from 'astro'
import { loadCatalog } from '../../content/catalog.ts'
import { readSiteConfig } from '../../config.ts'
import { type EventRecord, eventCalendar } from '../../lib/eventCalendar.ts'
import { calendarResponse, calendarOptions } from '../../lib/eventCalendarFiles.ts'
import { eventsOf } from '../../lib/eventSchedule.ts'

export const getStaticPaths = (async () => {
  const catalog = await loadCatalog()
  return eventsOf(catalog.records).map((record) => ({ params: { slug: record.slug }, props: { record } }))
}) satisfies GetStaticPaths

/** One event's .ics file, for "add to my calendar". */
export const GET: APIRoute = async ({ props }) => {
  const { record } = props as { record: EventRecord }
  const options = calendarOptions(await loadCatalog(), readSiteConfig().siteUrl, record.title)
  return calendarResponse(eventCalendar([record], options))
}
