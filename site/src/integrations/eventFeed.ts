import type { PublicRecord } from '@gongyu/contract'
import { hasEnded, eventsOf } from '../lib/eventSchedule.ts'
import { eventTimeLabel } from '../lib/eventTime.ts'
import type { EventFeed } from '../widgets/shared/feedTypes.ts'
import { safeText } from '../widgets/shared/safeText.ts'
import { isSlug } from '../widgets/shared/siteUrls.ts'

/** The most events the widgets' feed carries: a school page shows a handful. */
export const EVENT_FEED_LIMIT = 50

/** The events still to come (or under way) on `today`, earliest first, for `<gongyu-event-list>`. */
export function eventFeed(records: readonly PublicRecord[], today: Date): EventFeed {
  const upcoming = eventsOf(records.filter((record) => isSlug(record.slug))).filter((event) => !hasEnded(event, today))
  return {
    v: 1,
    items: upcoming.slice(0, EVENT_FEED_LIMIT).map((event) => ({
      type: 'event' as const,
      slug: event.slug,
      title: safeText(event.title, 200),
      summary: '',
      date: `${eventTimeLabel(event.event.startsAt, event.event.endsAt)}（北京时间）`,
      meta: [safeText(event.event.venue, 60) || (event.event.mode === 'online' ? '线上直播' : ''), safeText(event.presenter, 40)].filter(Boolean).join(' · '),
      organization: event.event.organization ?? '',
      grades: [...event.grades],
    })),
  }
}
