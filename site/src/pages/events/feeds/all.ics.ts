import type { APIRoute } from 'astro'
import { loadCatalog } from '../../../content/catalog.ts'
import { readSiteConfig } from '../../../config.ts'
import { eventCalendar } from '../../../lib/eventCalendar.ts'
import { calendarOptions, calendarResponse } from '../../../lib/eventCalendarFiles.ts'
import { eventsOf } from '../../../lib/eventSchedule.ts'

/** Every event, as one subscribable calendar. */
export const GET: APIRoute = async () => {
  const catalog = await loadCatalog()
  return calendarResponse(eventCalendar(eventsOf(catalog.records), calendarOptions(catalog, readSiteConfig().siteUrl, '共育 · 讲座和活动')))
}
