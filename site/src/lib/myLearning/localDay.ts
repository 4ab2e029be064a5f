/** A calendar day as `YYYY-MM-DD`, the form every date in a learning record takes. */
export type Day = string

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

/** True when `value` is `YYYY-MM-DD` and names a real day (no 2 月 30 日). */
export function isDay(value: string): boolean {
  const parts = DAY.exec(value)
  if (!parts) return false
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** The phone's own calendar day: a parent who practises at 23:30 practised today, wherever the phone is set. */
export function localDay(now: Date = new Date()): Day {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

function dayNumber(day: Day): number {
  const [year, month, date] = day.split('-').map(Number)
  return Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1) / MS_PER_DAY
}

/** Monday to Sunday, the school week in China: the first and last day of the week holding `day`. */
export function weekOf(day: Day): { first: Day; last: Day } {
  const number = dayNumber(day)
  // 1970-01-01 was a Thursday: day numbers count from there, so Monday is (number + 3) mod 7 = 0.
  const sinceMonday = (((number + 3) % 7) + 7) % 7
  const toDay = (value: number) => new Date(value * MS_PER_DAY).toISOString().slice(0, 10)
  return { first: toDay(number - sinceMonday), last: toDay(number - sinceMonday + 6) }
}
