import { httpsUrlSchema } from '@gongyu/contract'
import type { Event } from '../../payload-types'

/** A field of an event and why its value is refused, in Chinese. */
export interface ScheduleProblem {
  path: 'endsAt' | 'held' | 'replay' | 'liveUrl' | 'venue'
  label: string
  message: string
}

type ScheduleFields = Partial<Pick<Event, 'startsAt' | 'endsAt' | 'mode' | 'venue' | 'place' | 'liveUrl' | 'held' | 'replay' | '_status'>>

function instant(value: unknown): number | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined
  const time = new Date(value).getTime()
  return Number.isNaN(time) ? undefined : time
}

function filled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

/**
 * What is wrong with an event's times, place and replay, as of `now`. A draft
 * may still lack its place or link; a published one may not. The rest holds
 * for drafts too, so a wrong time is caught where it is typed.
 */
export function scheduleProblems(event: ScheduleFields, now: Date): ScheduleProblem[] {
  const problems: ScheduleProblem[] = []
  const starts = instant(event.startsAt)
  const ends = instant(event.endsAt)
  if (starts !== undefined && ends !== undefined && ends <= starts) {
    problems.push({ path: 'endsAt', label: '结束时间', message: '结束时间必须晚于开始时间，请检查日期和钟点。' })
  }
  if (event.held) {
    if (ends !== undefined && ends > now.getTime()) {
      problems.push({ path: 'held', label: '已举办', message: '活动还没有结束，不能标记为“已举办”。' })
    } else if (event.replay === null || event.replay === undefined) {
      problems.push({ path: 'replay', label: '回放（微课）', message: '标记为“已举办”的活动需要关联回放微课；还没有回放时，请先不要勾选“已举办”。' })
    }
  }
  const publishing = event._status === 'published'
  if (event.mode === 'online') {
    if (filled(event.liveUrl)) {
      if (!httpsUrlSchema.safeParse(event.liveUrl.trim()).success) {
        problems.push({
          path: 'liveUrl',
          label: '直播链接',
          message: `直播链接「${event.liveUrl}」不是有效网址：必须以 https:// 开头，例如 https://live.example.cn/room/1。`,
        })
      }
    } else if (publishing) {
      problems.push({ path: 'liveUrl', label: '直播链接', message: '线上活动请填写直播链接（以 https:// 开头）。' })
    }
  } else if (event.mode === 'in-person' && publishing && !filled(event.venue) && (event.place === null || event.place === undefined)) {
    problems.push({ path: 'venue', label: '地点', message: '线下活动请从服务地图中选择场所，或填写地点：场所名称和地址。' })
  }
  return problems
}
