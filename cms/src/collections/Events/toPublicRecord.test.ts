import { publicRecordSchema } from '@gongyu/contract'
import { describe, expect, it } from 'vitest'
import type { Event } from '../../payload-types'
import { fakeRecordLookups } from '../testing/fakeRecordLookups'
import { fieldMismatchOf } from '../testing/fieldMismatchOf'
import { Events } from './index'
import { eventToPublicRecord } from './toPublicRecord'

const event = {
  id: 31,
  title: '孩子入园哭闹怎么办',
  kind: 'lecture',
  mode: 'online',
  summary: '讲师团讲分离焦虑。\n\n最后二十分钟答疑。',
  presenter: '县家庭教育指导中心讲师团',
  organization: 4,
  startsAt: '2026-09-17T11:30:00.000Z',
  startsAt_tz: 'Asia/Shanghai',
  endsAt: '2026-09-17T12:30:00.000Z',
  endsAt_tz: 'Asia/Shanghai',
  place: null,
  venue: null,
  liveUrl: 'https://live.example.cn/room/k1',
  grades: ['k1', 'p1'],
  themes: [11],
  held: true,
  replay: 21,
  slug: 'separation-lecture',
  reviewState: 'approved',
  reviewNote: null,
  submittedBy: null,
  submittedAt: null,
  createdBy: null,
  updatedAt: '2026-09-18T08:00:00.000Z',
  createdAt: '2026-08-02T08:00:00.000Z',
  _status: 'published',
} satisfies Event

const lookups = {
  ...fakeRecordLookups({ themes: { 11: { slug: 'emotions', name: '情绪' } }, records: { 'micro-lessons:21': 'micro-lesson:goodbye' } }),
  organizationSlugOf: (value: number | { id: number | string } | string) => (value === 4 ? 'org-urban-kindergarten' : undefined),
  // Place 7 is published in the service map; any other id is a draft or gone.
  placeOf: (value: number | { id: number | string } | string) =>
    value === 7 ? { slug: 'chengguan-guidance-centre', name: '城关镇家庭教育指导中心', address: '人民路 12 号' } : undefined,
}

describe('eventToPublicRecord', () => {
  it('maps every field of a published event to its record, with its times in UTC and its replay', () => {
    expect(eventToPublicRecord(event, lookups)).toEqual({
      id: 'event:separation-lecture',
      type: 'event',
      slug: 'separation-lecture',
      url: '/events/separation-lecture/',
      title: '孩子入园哭闹怎么办',
      summary: '讲师团讲分离焦虑。\n\n最后二十分钟答疑。',
      bodyText: '讲师团讲分离焦虑。\n\n最后二十分钟答疑。\n县家庭教育指导中心讲师团',
      stages: ['kindergarten', 'primary'],
      grades: ['k1', 'p1'],
      gradeOrder: 1,
      themes: ['emotions'],
      themeNames: ['情绪'],
      audience: ['parents'],
      category: null,
      durationMinutes: 60,
      familySituations: [],
      publishedAt: '2026-09-18T08:00:00.000Z',
      sequence: null,
      month: null,
      occasion: null,
      sections: [{ key: 'about', heading: '活动介绍', html: '<p>讲师团讲分离焦虑。</p><p>最后二十分钟答疑。</p>' }],
      related: ['micro-lesson:goodbye'],
      presenter: '县家庭教育指导中心讲师团',
      video: null,
      event: {
        kind: 'lecture',
        startsAt: '2026-09-17T11:30:00.000Z',
        endsAt: '2026-09-17T12:30:00.000Z',
        mode: 'online',
        venue: null,
        place: null,
        liveUrl: 'https://live.example.cn/room/k1',
        organization: 'org-urban-kindergarten',
        held: true,
        replay: 'micro-lesson:goodbye',
      },
    })
  })

  it('makes a record the contract accepts', () => {
    expect(publicRecordSchema.safeParse(eventToPublicRecord(event, lookups)).success).toBe(true)
  })

  it('gives an in-person event its venue and never a link, and no replay before it is held', () => {
    const record = eventToPublicRecord({ ...event, mode: 'in-person', venue: ' 城关镇家长学校 ', held: false }, lookups)
    expect(record?.event).toMatchObject({ mode: 'in-person', venue: '城关镇家长学校', liveUrl: null, held: false, replay: null })
    expect(record?.related).toEqual([])
  })

  it('names the service-map place of an in-person event, with its name and address when no venue is typed', () => {
    const chosen = eventToPublicRecord({ ...event, mode: 'in-person', liveUrl: null, place: 7 }, lookups)
    expect(chosen?.event).toMatchObject({ venue: '城关镇家庭教育指导中心（人民路 12 号）', place: 'chengguan-guidance-centre' })
    const typedRoom = eventToPublicRecord({ ...event, mode: 'in-person', liveUrl: null, place: 7, venue: '指导中心二楼活动室' }, lookups)
    expect(typedRoom?.event).toMatchObject({ venue: '指导中心二楼活动室', place: 'chengguan-guidance-centre' })
    // A draft or deleted place is never linked, and an online event names none.
    expect(eventToPublicRecord({ ...event, mode: 'in-person', liveUrl: null, place: 8, venue: '村委会' }, lookups)?.event).toMatchObject({
      venue: '村委会',
      place: null,
    })
    expect(eventToPublicRecord({ ...event, place: 7 }, lookups)?.event).toMatchObject({ venue: null, place: null })
  })

  it('never publishes a live link that is not https', () => {
    for (const liveUrl of ['http://live.example.cn/x', 'javascript:alert(1)', 'https://localhost/x']) {
      expect(eventToPublicRecord({ ...event, liveUrl }, lookups)?.event?.liveUrl).toBeNull()
    }
  })

  it('names no replay that is not published', () => {
    expect(eventToPublicRecord({ ...event, replay: 99 }, lookups)?.event?.replay).toBeNull()
  })

  it('maps nothing of a draft', () => {
    expect(eventToPublicRecord({ ...event, _status: 'draft' }, lookups)).toBeUndefined()
  })

  it('has a fixture with exactly the fields of the collection, so a renamed field fails here too', () => {
    // Payload adds the time-zone companions of the two dates (`timezone` on a date field) when it sanitizes the config.
    expect(fieldMismatchOf(Events, event)).toEqual({ missingFromFixture: [], notInCollection: ['endsAt_tz', 'startsAt_tz'] })
  })
})
