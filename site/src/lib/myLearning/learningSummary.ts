import { type Day, weekOf } from './localDay.ts'
import type { LearningRecord } from './learningRecord.ts'

/** What the 我的学习 page shows at the top. */
export interface LearningSummary {
  lessonsDone: number
  /** Days of this week (Monday to Sunday) with at least one practice tap: a count, never a streak. */
  daysPractisedThisWeek: number
  /** The stated lengths of the pages marked 学完了, in minutes: self-reported (自学记录), not checked by anyone. */
  selfStudyMinutes: number
  /** Session check-ins and the hours their signed QR codes grant. */
  stamps: number
  stampHours: number
}

/** The figures of `record` as of `today`. */
export function summarize(record: LearningRecord, today: Day): LearningSummary {
  const { first, last } = weekOf(today)
  const days = new Set(record.practised.filter((entry) => entry.on >= first && entry.on <= last).map((entry) => entry.on))
  return {
    lessonsDone: record.done.length,
    daysPractisedThisWeek: days.size,
    selfStudyMinutes: record.done.reduce((sum, entry) => sum + entry.minutes, 0),
    stamps: record.stamps.length,
    stampHours: record.stamps.reduce((sum, stamp) => sum + stamp.hours, 0),
  }
}

/** Minutes as hours with at most one decimal (90 → "1.5"), as 学时 are usually counted. */
export function hoursText(minutes: number): string {
  return String(Math.round(minutes / 6) / 10)
}
