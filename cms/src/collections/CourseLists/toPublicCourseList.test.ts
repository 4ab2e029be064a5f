import { describe, expect, it } from 'vitest'
import type { CourseList } from '../../payload-types'
import { fakeRecordLookups } from '../testing/fakeRecordLookups'
import { fieldMismatchOf } from '../testing/fieldMismatchOf'
import { CourseLists } from './index'
import { type CourseListLookups, courseListToPublicCourseList } from './toPublicCourseList'

const courseList = {
  id: 111,
  title: '小班上学期家长课',
  organization: 101,
  description: '九月到一月。',
  items: [
    {
      id: 'i1',
      resource: { relationTo: 'lessons', value: 7 },
      date: '2026-09-05T00:00:00.000Z',
      note: '开学第一课',
      // A session's time, place, who runs it and hours are public (issue 16); its head count stays in the CMS.
      session: { startsAt: '2026-09-05T01:30:00.000Z', place: '城关镇中心小学多功能厅', runBy: '班主任', hours: 2, headCount: 31 },
    },
    { id: 'i2', resource: { relationTo: 'micro-lessons', value: 21 }, date: null, note: null },
    { id: 'i3', resource: { relationTo: 'lessons', value: 8 }, date: null, note: '草稿，不公开' },
  ],
  slug: 'k1-autumn',
  updatedAt: '2026-03-06T08:00:00.000Z',
  createdAt: '2026-02-06T08:00:00.000Z',
  _status: 'published',
} satisfies CourseList

const lookups: CourseListLookups = {
  organizationSlugOf: (value) => (value === 101 ? 'chengguan' : undefined),
  recordIdOf: fakeRecordLookups({ records: { 'lessons:7': 'lesson:k1-03-separation', 'micro-lessons:21': 'micro-lesson:goodbye' } }).recordIdOf,
}

describe('courseListToPublicCourseList', () => {
  it('maps a published course list with the published items it names', () => {
    expect(courseListToPublicCourseList(courseList, lookups)).toEqual({
      slug: 'k1-autumn',
      title: '小班上学期家长课',
      description: '九月到一月。',
      organization: 'chengguan',
      items: [
        {
          recordId: 'lesson:k1-03-separation',
          date: '2026-09-05',
          note: '开学第一课',
          session: { startsAt: '2026-09-05T01:30:00.000Z', place: '城关镇中心小学多功能厅', runBy: '班主任', hours: 2 },
        },
        { recordId: 'micro-lesson:goodbye', date: null, note: '', session: null },
      ],
      publishedAt: '2026-03-06T08:00:00.000Z',
    })
  })

  it('maps nothing of a draft or of a list whose organization is gone', () => {
    expect(courseListToPublicCourseList({ ...courseList, _status: 'draft' }, lookups)).toBeUndefined()
    expect(courseListToPublicCourseList({ ...courseList, organization: 102 }, lookups)).toBeUndefined()
  })

  it('has a fixture with exactly the fields of the collection, so a renamed field fails here too', () => {
    expect(fieldMismatchOf(CourseLists, courseList)).toEqual({ missingFromFixture: [], notInCollection: [] })
  })
})
