import { describe, expect, it } from 'vitest'
import { scheduleProblems } from './scheduleProblems'

const now = new Date('2026-12-03T08:00:00Z')
const online = {
  startsAt: '2026-12-12T11:30:00.000Z',
  endsAt: '2026-12-12T12:30:00.000Z',
  mode: 'online',
  liveUrl: 'https://live.example.cn/room/1',
  venue: null,
  held: false,
  replay: null,
  _status: 'published',
} as const

const paths = (problems: ReturnType<typeof scheduleProblems>) => problems.map((problem) => problem.path)

describe('scheduleProblems', () => {
  it('accepts a well-formed upcoming online event', () => {
    expect(scheduleProblems(online, now)).toEqual([])
  })

  it('refuses an end that is not after the start, in Chinese', () => {
    const problems = scheduleProblems({ ...online, endsAt: online.startsAt }, now)
    expect(paths(problems)).toEqual(['endsAt'])
    expect(problems[0]?.message).toContain('结束时间必须晚于开始时间')
    expect(paths(scheduleProblems({ ...online, endsAt: '2026-12-12T10:00:00.000Z' }, now))).toEqual(['endsAt'])
  })

  it('refuses a past event marked held without a replay, and accepts it with one', () => {
    const past = { ...online, startsAt: '2026-09-17T11:30:00.000Z', endsAt: '2026-09-17T12:30:00.000Z', held: true }
    const problems = scheduleProblems(past, now)
    expect(paths(problems)).toEqual(['replay'])
    expect(problems[0]?.message).toContain('回放微课')
    expect(scheduleProblems({ ...past, replay: 7 }, now)).toEqual([])
  })

  it('refuses an event marked held before it has ended', () => {
    expect(paths(scheduleProblems({ ...online, held: true, replay: 7 }, now))).toEqual(['held'])
  })

  it('refuses a live link that is not a full https address', () => {
    for (const liveUrl of ['http://live.example.cn/x', 'live.example.cn/room', 'javascript:alert(1)', 'https://', 'https://localhost/x']) {
      const problems = scheduleProblems({ ...online, liveUrl }, now)
      expect(paths(problems), liveUrl).toEqual(['liveUrl'])
      expect(problems[0]?.message).toContain('https://')
    }
  })

  it('lets a draft lack its link or place, but not a published event', () => {
    expect(scheduleProblems({ ...online, liveUrl: null, _status: 'draft' }, now)).toEqual([])
    expect(paths(scheduleProblems({ ...online, liveUrl: null }, now))).toEqual(['liveUrl'])
    expect(paths(scheduleProblems({ ...online, mode: 'in-person', liveUrl: null, venue: '  ' }, now))).toEqual(['venue'])
    expect(scheduleProblems({ ...online, mode: 'in-person', liveUrl: null, venue: '城关镇家长学校' }, now)).toEqual([])
    // A place chosen from the service map is enough.
    expect(scheduleProblems({ ...online, mode: 'in-person', liveUrl: null, venue: null, place: 7 }, now)).toEqual([])
  })
})
