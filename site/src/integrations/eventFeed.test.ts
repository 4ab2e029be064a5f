import type { PublicRecord } from '@gongyu/contract'
import { describe, expect, it } from 'vitest'
import { readEventFeed } from '../widgets/shared/feedClient.ts'
import { eventFeed } from './eventFeed.ts'

function event(slug: string, startsAt: string, endsAt: string, overrides: Partial<NonNullable<PublicRecord['event']>> = {}): PublicRecord {
  return {
    id: `event:${slug}`,
    type: 'event',
    slug,
    url: `/events/${slug}/`,
    title: `活动 ${slug}`,
    summary: '简介',
    bodyText: '',
    stages: ['primary'],
    grades: ['p1', 'p2'],
    gradeOrder: 4,
    themes: [],
    themeNames: [],
    audience: ['parents'],
    category: null,
    durationMinutes: 60,
    familySituations: [],
    publishedAt: '2026-11-01T00:00:00.000Z',
    sequence: null,
    month: null,
    occasion: null,
    sections: [],
    related: [],
    presenter: '县家庭教育指导中心',
    video: null,
    event: {
      kind: 'lecture',
      startsAt,
      endsAt,
      mode: 'in-person',
      venue: '城关镇家长学校',
      liveUrl: null,
      organization: 'org-a',
      held: false,
      replay: null,
      ...overrides,
    },
  }
}

const today = new Date('2026-12-03T02:00:00Z')

describe('eventFeed', () => {
  it('lists the events still to come, earliest first, with their Beijing time written out', () => {
    const feed = eventFeed(
      [
        event('later', '2026-12-26T11:30:00Z', '2026-12-26T12:30:00Z', { mode: 'online', venue: null, liveUrl: 'https://live.example.cn/x' }),
        event('over', '2026-09-17T11:30:00Z', '2026-09-17T12:30:00Z'),
        event('soon', '2026-12-19T06:00:00Z', '2026-12-19T07:30:00Z'),
      ],
      today,
    )
    expect(feed.items.map((item) => item.slug)).toEqual(['soon', 'later'])
    expect(feed.items[0]).toEqual({
      type: 'event',
      slug: 'soon',
      title: '活动 soon',
      summary: '',
      date: '2026年12月19日（周六）14:00–15:30（北京时间）',
      meta: '城关镇家长学校 · 县家庭教育指导中心',
      organization: 'org-a',
      grades: ['p1', 'p2'],
    })
    expect(feed.items[1]?.meta).toBe('线上直播 · 县家庭教育指导中心')
  })

  it('is read back by the widget, which drops what is not a checked event', () => {
    const written = eventFeed([event('soon', '2026-12-19T06:00:00Z', '2026-12-19T07:30:00Z')], today)
    const hostile = {
      v: 1,
      items: [
        ...written.items,
        { ...written.items[0], slug: 'javascript:alert(1)' },
        { ...written.items[0], type: 'lesson' },
        { ...written.items[0], slug: 'odd', organization: '<b>', grades: ['p1', '"><img>'] },
      ],
    }
    const read = readEventFeed(hostile)
    expect(read.items.map((item) => item.slug)).toEqual(['soon', 'odd'])
    expect(read.items[1]).toMatchObject({ organization: '', grades: ['p1'] })
  })
})
