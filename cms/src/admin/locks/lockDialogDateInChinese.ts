// Payload's dialog writes e.g. `Dec 3, 2026, 6:05 AM` (Intl en-US: month short, day, year, hour12, minute).
const EN_US_DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M$/

const twoDigits = (value: number) => String(value).padStart(2, '0')

/**
 * The dialog's `en-US` date as the admin writes dates elsewhere
 * (`admin.dateFormat`: 2026年12月3日 18:05), in the browser's own time zone as
 * Payload formatted it; undefined for any other text, which stays untouched.
 */
export function lockDialogDateInChinese(text: string): string | undefined {
  const trimmed = text.trim()
  if (!EN_US_DATE.test(trimmed)) return undefined
  // Date parses the en-US form in local time, the zone Payload formatted it in.
  const date = new Date(trimmed.replace(/\s?([AP]M)$/, ' $1'))
  if (Number.isNaN(date.getTime())) return undefined
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日 ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`
}
