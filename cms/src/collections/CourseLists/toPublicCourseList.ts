import type { PublicCourseList, PublicSession } from '@gongyu/contract'
import type { CourseList } from '../../payload-types'
import type { RecordLookups, RelationValue } from '../../publishing/recordLookups'

/** What a course list's mapping needs from outside it: its organization's slug and the records its items name. */
export interface CourseListLookups extends Pick<RecordLookups, 'recordIdOf'> {
  /** The slug of an organization; undefined for one that does not exist (any more). */
  organizationSlugOf: (value: RelationValue) => string | undefined
}

type CourseListSession = NonNullable<CourseList['items']>[number]['session']

/** A session's public details (issue 16): only when it has a start; the head count stays in the CMS. */
function publicSessionOf(session: CourseListSession): PublicSession | null {
  if (!session?.startsAt) return null
  return {
    startsAt: new Date(session.startsAt).toISOString(),
    place: session.place?.trim() ?? '',
    runBy: session.runBy?.trim() ?? '',
    hours: typeof session.hours === 'number' ? session.hours : null,
  }
}

/**
 * A published course list as the site shows it. Items whose lesson or
 * micro-lesson is not published are left out; undefined for a draft or a
 * list whose organization is gone.
 */
export function courseListToPublicCourseList(courseList: CourseList, lookups: CourseListLookups): PublicCourseList | undefined {
  const organization = lookups.organizationSlugOf(courseList.organization)
  if (courseList._status !== 'published' || typeof courseList.slug !== 'string' || !organization) return undefined
  const items = (courseList.items ?? []).flatMap((item) => {
    const recordId = lookups.recordIdOf(item.resource.relationTo, item.resource.value)
    return recordId ? [{ recordId, date: item.date ? item.date.slice(0, 10) : null, note: item.note ?? '', session: publicSessionOf(item.session) }] : []
  })
  return {
    slug: courseList.slug,
    title: courseList.title,
    description: courseList.description ?? '',
    organization,
    items,
    publishedAt: new Date(courseList.updatedAt).toISOString(),
  }
}
