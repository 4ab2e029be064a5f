import type { PublicSession } from '@gongyu/contract'
import { beijingParts } from './eventTime.ts'

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const pad = (value: number) => String(value).padStart(2, '0')

/** `2026年9月5日（周六）09:30`: a session's start in Beijing time, whatever zone the build machine is in. */
export function sessionTimeLabel(startsAt: string): string {
  const parts = beijingParts(startsAt)
  return `${parts.year}年${parts.month}月${parts.day}日（${WEEKDAYS_ZH[parts.weekday]}）${pad(parts.hour)}:${pad(parts.minute)}`
}

/** The facts a course-list page shows under a session, as label and value, leaving out what is not set. */
export function sessionFacts(session: PublicSession): { label: string; value: string }[] {
  return [
    { label: '时间', value: `${sessionTimeLabel(session.startsAt)}（北京时间）` },
    { label: '地点', value: session.place },
    { label: '主讲', value: session.runBy },
    { label: '学时', value: session.hours === null ? '' : `${session.hours} 学时` },
  ].filter((fact) => fact.value !== '')
}
