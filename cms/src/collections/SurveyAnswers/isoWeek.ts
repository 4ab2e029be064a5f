const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })

/** The ISO week a moment falls in, in China (2026-W49): all an answer keeps of when it was given. */
export function shanghaiIsoWeek(moment: Date): string {
  const [year, month, day] = shanghaiDay.format(moment).split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  // ISO weeks belong to the year of their Thursday.
  const weekday = date.getUTCDay() || 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday)
  const weekYear = date.getUTCFullYear()
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7)
  return `${weekYear}-W${String(week).padStart(2, '0')}`
}
