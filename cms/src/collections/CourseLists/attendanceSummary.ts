/** One course-list item as the attendance summary reads it: its position and its session's details. */
export interface SessionAttendanceInput {
  startsAt?: string | null
  place?: string | null
  headCount?: number | null
}

/** A session's line in the summary. */
export interface SessionAttendance {
  /** 1-based position of the item in the list, as the admin numbers rows. */
  position: number
  startsAt: string
  place: string
  /** Null until the teacher records it. */
  headCount: number | null
}

/** Attendance per session and for the whole course list (issue 16). */
export interface AttendanceSummary {
  sessions: SessionAttendance[]
  /** Sessions with a head count recorded. */
  counted: number
  /** People counted over all sessions (a person who came twice counts twice: there are no names to tell). */
  total: number
  /** Mean head count of the counted sessions, to one decimal; null when none is counted. */
  average: number | null
}

/** The sessions of a course list (items with a start) in time order, with their head counts and the list's totals. */
export function attendanceSummary(items: readonly (SessionAttendanceInput | null | undefined)[]): AttendanceSummary {
  const sessions = items
    .flatMap((item, index) => {
      const startsAt = item?.startsAt
      if (!startsAt || Number.isNaN(Date.parse(startsAt))) return []
      const headCount = typeof item.headCount === 'number' && Number.isInteger(item.headCount) && item.headCount >= 0 ? item.headCount : null
      return [{ position: index + 1, startsAt, place: item.place?.trim() ?? '', headCount }]
    })
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
  const counts = sessions.flatMap((session) => (session.headCount === null ? [] : [session.headCount]))
  const total = counts.reduce((sum, count) => sum + count, 0)
  return { sessions, counted: counts.length, total, average: counts.length > 0 ? Math.round((total / counts.length) * 10) / 10 : null }
}
