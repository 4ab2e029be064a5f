import type { PublicRecord } from '@gongyu/contract'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { type EventRecord, eventCalendar, eventUid, isEventRecord } from './eventCalendar.ts'

const SITE = 'https://gongyu.example.cn'

function eventRecord(slug: string, overrides: Partial<EventRecord['event']> = {}, title = '寒假前家长会：留守孩子的假期怎么安排'): EventRecord {
  return {
    id: `event:${slug}`,
    type: 'event',
    slug,
    url: `/events/${slug}/`,
    title,
    // Long enough, and all three-byte characters, so lines must fold inside multibyte text.
    summary: '外出务工的家长腊月陆续回家，这次家长会安排在农忙之后。班主任介绍寒假作业和作息，家长学校老师讲怎样和孩子一起定假期计划。',
    bodyText: '',
    stages: ['primary'],
    grades: ['p1'],
    gradeOrder: 4,
    themes: [],
    themeNames: [],
    audience: ['parents'],
    category: null,
    durationMinutes: 90,
    familySituations: [],
    publishedAt: '2026-11-20T02:00:00.000Z',
    sequence: null,
    month: null,
    occasion: null,
    sections: [],
    related: [],
    presenter: '青山镇中心学校家长学校',
    video: null,
    event: {
      kind: 'parent-school-session',
      startsAt: '2026-12-19T06:00:00.000Z',
      endsAt: '2026-12-19T07:30:00.000Z',
      mode: 'in-person',
      venue: '青山镇中心学校多功能教室（教学楼一层）',
      liveUrl: null,
      organization: 'org-rural-parent-school',
      held: false,
      replay: null,
      ...overrides,
    },
  }
}

const options = {
  name: '共育活动日历',
  siteUrl: SITE,
  organizationName: (slug: string) => (slug === 'org-rural-parent-school' ? '青山镇中心学校家长学校' : undefined),
}

function parsedEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  return calendar.getAllSubcomponents('vevent').map((vevent) => ({ vevent, event: new ICAL.Event(vevent) }))
}

describe('eventCalendar', () => {
  it('writes a calendar that ical.js reads back: UID, DTSTAMP, the right instants, summary and place', () => {
    const text = eventCalendar([eventRecord('winter-break')], options)
    const [entry, ...rest] = parsedEvents(text)
    expect(rest).toEqual([])
    expect(entry?.event.uid).toBe('event:winter-break@gongyu.example.cn')
    expect(entry?.event.summary).toBe('寒假前家长会：留守孩子的假期怎么安排')
    expect(entry?.event.location).toBe('青山镇中心学校多功能教室（教学楼一层）')
    // 14:00–15:30 in Beijing is 06:00–07:30 UTC, whatever zone the parser or the phone is in.
    expect(entry?.event.startDate.toJSDate().toISOString()).toBe('2026-12-19T06:00:00.000Z')
    expect(entry?.event.endDate.toJSDate().toISOString()).toBe('2026-12-19T07:30:00.000Z')
    expect(entry?.event.startDate.zone?.tzid).toBe('UTC')
    expect(entry?.vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-20T02:00:00Z')
    expect(entry?.event.description).toContain('12月19日（周六）14:00–15:30（北京时间）')
    expect(entry?.event.description).toContain('主办：青山镇中心学校家长学校')
    expect(entry?.vevent.getFirstPropertyValue('url')).toBe('https://gongyu.example.cn/events/winter-break/')
  })

  it('keeps the UID of an event the same in every file and build', () => {
    const record = eventRecord('winter-break')
    const alone = parsedEvents(eventCalendar([record], options))[0]?.event.uid
    const inFeed = parsedEvents(eventCalendar([eventRecord('other'), record], options)).map(({ event }) => event.uid)
    expect(inFeed).toContain(alone)
    expect(alone).toBe(eventUid(record, SITE))
  })

  it('folds lines at 75 octets with CRLF, never inside a UTF-8 character, and unfolds to the same text', () => {
    const longTitle = `${'家长学校讲座'.repeat(12)}🎈结束`
    const text = eventCalendar([eventRecord('long', {}, longTitle)], options)
    const lines = text.split('\r\n')
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
    const decoder = new TextDecoder('utf-8', { fatal: true })
    for (const line of lines) {
      const bytes = new TextEncoder().encode(line)
      expect(bytes.length, line).toBeLessThanOrEqual(75)
      expect(() => decoder.decode(bytes), line).not.toThrow()
    }
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(3)
    expect(parsedEvents(text)[0]?.event.summary).toBe(longTitle)
  })

  it('puts an online event at its live link', () => {
    const record = eventRecord('online', { mode: 'online', venue: null, liveUrl: 'https://live.example.cn/room/exam-steady' })
    const [entry] = parsedEvents(eventCalendar([record], options))
    expect(entry?.event.location).toBe('https://live.example.cn/room/exam-steady')
    expect(entry?.event.description).toContain('直播：https://live.example.cn/room/exam-steady')
  })

  it('tells events from other records', () => {
    const { event: _event, ...lesson } = eventRecord('x')
    expect(isEventRecord(eventRecord('x'))).toBe(true)
    expect(isEventRecord({ ...lesson, type: 'lesson' } as PublicRecord)).toBe(false)
  })
})
