import type { APIRoute, GetStaticPaths } from 'astro'
import { loadCatalog } from '../../../../content/catalog.ts'
import { readSiteConfig } from '../../../../config.ts'
import { eventCalendar } from '../../../../lib/eventCalendar.ts'
import { calendarOptions, calendarResponse } from '../../../../lib/eventCalendarFiles.ts'
import { eventsOf } from '../../../../lib/eventSchedule.ts'

// Every organization has a feed, events or not yet, so a subscription made today keeps working.
export const getStaticPaths = (async () => {
  const catalog = await loadCatalog()
  return catalog.organizations.map((organization) => ({
    params: { organization: organization.slug },
    props: { slug: organization.slug, name: organization.name },
  }))
}) satisfies GetStaticPaths

/** An organization's events, as a subscribable calendar. */
export const GET: APIRoute = async ({ props }) => {
  const { slug, name } = props as { slug: string; name: string }
  const catalog = await loadCatalog()
  const events = eventsOf(catalog.records).filter((record) => record.event.organization === slug)
  return calendarResponse(eventCalendar(events, calendarOptions(catalog, readSiteConfig().siteUrl, `${name} · 活动`)))
}
