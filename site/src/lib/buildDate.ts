import { readSiteConfig } from '../config.ts'

/**
 * The month the build runs in, in China's time zone: the home page shows
 * that month's activity plans. `GONGYU_BUILD_DATE` (an ISO date) pins it for
 * tests and for building a pack ahead of time.
 */
export function buildMonth(date: Date = readSiteConfig().buildDate): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(date))
}

/** The next month (1–12) after `month` that has something, searching forward a year; null when none has. */
export function nextMonthWith(month: number, has: (month: number) => boolean): number | null {
  for (let step = 1; step <= 12; step += 1) {
    const candidate = ((month - 1 + step) % 12) + 1
    if (has(candidate)) return candidate
  }
  return null
}
