import type { APIRoute, GetStaticPaths } from 'astro'
import { grades } from '@gongyu/contract'
import { loadCatalog } from '../../../../content/catalog.ts'
import { readSiteConfig } from '../../../../config.ts'
import { eventCalendar } from '../../../../lib/eventCalendar.ts'
import { calendarOptions, calendarResponse } from '../../../../lib/eventCalendarFiles.ts'
import { eventsOf } from '../../../../lib/eventSchedule.ts'

// Every grade has a feed, so a subscription made before its first event keeps working.
export const getStaticPaths = (() =>
  grades.map((grade) => ({ params: { grade: grade.code }, props: { code: grade.code, name: grade.label } }))) satisfies GetStaticPaths

/** The events for one grade's parents, as a subscribable calendar. */
export const GET: APIRoute = async ({ props }) => {
  const { code, name } = props as { code: string; name: string }
  const catalog = await loadCatalog()
  const events = eventsOf(catalog.records).filter((record) => record.grades.some((grade) => grade === code))
  return calendarResponse(eventCalendar(events, calendarOptions(catalog, readSiteConfig().siteUrl, `共育 · ${name}家长活动`)))
}
