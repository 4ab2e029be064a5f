import { EVENT_TIME_ZONE } from '@gongyu/contract'

/** A day or a moment as a reader in China sees it, whatever zone the build machine is in. */
export interface BeijingParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number
}

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: EVENT_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  weekday: 'short',
  hourCycle: 'h23',
})
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** The Beijing-time calendar parts of an instant. */
export function beijingParts(instant: string | Date): BeijingParts {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((part) => [part.type, part.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS_EN.indexOf(parts.weekday ?? ''),
  }
}

const pad = (value: number) => String(value).padStart(2, '0')

/** `2026-12`: the month (in Beijing time) an instant falls in, as the calendar's page names it. */
export function monthKeyOf(instant: string | Date): string {
  const { year, month } = beijingParts(instant)
  return `${year}-${pad(month)}`
}

/** `2026-12-19`: the Beijing-time day of an instant. */
export function dayKeyOf(instant: string | Date): string {
  const { year, month, day } = beijingParts(instant)
  return `${year}-${pad(month)}-${pad(day)}`
}

/** `12月19日（周六）14:00–15:30`, or with both dates when it runs past midnight; always Beijing time. */
export function eventTimeLabel(startsAt: string, endsAt: string): string {
  const start = beijingParts(startsAt)
  const end = beijingParts(endsAt)
  const day = (parts: BeijingParts) => `${parts.month}月${parts.day}日（${WEEKDAYS_ZH[parts.weekday]}）`
  const time = (parts: BeijingParts) => `${pad(parts.hour)}:${pad(parts.minute)}`
  const sameDay = start.year === end.year && start.month === end.month && start.day === end.day
  const year = start.year === end.year ? `${start.year}年` : ''
  return sameDay ? `${year}${day(start)}${time(start)}–${time(end)}` : `${year}${day(start)}${time(start)} 至 ${day(end)}${time(end)}`
}

/** The month after (step 1) or before (step -1) a `2026-12` key. */
export function shiftMonth(monthKey: string, step: number): string {
  const [year = 0, month = 1] = monthKey.split('-').map(Number)
  const index = year * 12 + (month - 1) + step
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`
}

/** One square of a month calendar. */
export interface CalendarDay {
  /** `2026-12-19`. */
  key: string
  day: number
  /** False for the days of the previous or next month that fill its first and last weeks. */
  inMonth: boolean
}

/** The weeks of a `2026-12` month, Monday first as Chinese calendars are, padded to whole weeks. */
export function monthWeeks(monthKey: string): CalendarDay[][] {
  const [year = 0, month = 1] = monthKey.split('-').map(Number)
  // Dates at noon UTC stay on the same calendar day in every zone the arithmetic passes through.
  const first = new Date(Date.UTC(year, month - 1, 1, 12))
  const mondayOffset = (first.getUTCDay() + 6) % 7
  const start = new Date(first.getTime() - mondayOffset * 86_400_000)
  const weeks: CalendarDay[][] = []
  for (let cursor = start; ; ) {
    const week: CalendarDay[] = []
    for (let index = 0; index < 7; index += 1) {
      week.push({
        key: `${cursor.getUTCFullYear()}-${pad(cursor.getUTCMonth() + 1)}-${pad(cursor.getUTCDate())}`,
        day: cursor.getUTCDate(),
        inMonth: cursor.getUTCMonth() === month - 1,
      })
      cursor = new Date(cursor.getTime() + 86_400_000)
    }
    weeks.push(week)
    if (cursor.getUTCMonth() !== month - 1) break
  }
  return weeks
}
