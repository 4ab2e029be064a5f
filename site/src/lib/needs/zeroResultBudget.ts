import { localDay } from '../myLearning/localDay.ts'

/** At most this many searches that found nothing are counted from one browser in one day (issue 17). */
export const ZERO_RESULT_COUNTS_PER_DAY = 3

const KEY = 'gongyu:zero-result-counts'

/** The part of `Storage` the budget uses (localStorage in the browser, a map in tests). */
export type BudgetStorage = Pick<Storage, 'getItem' | 'setItem'>

/**
 * Takes one of the day's three counts, or says there is none left. Only
 * today's count is kept, on the phone, overwritten the next day; the CMS
 * never learns the day (a signal is dated by ISO week on the server).
 * Storage that fails (private mode, full) counts nothing: no count is better
 * than an unbounded one.
 */
export function takeZeroResultCount(storage: BudgetStorage | undefined, now = new Date()): boolean {
  if (!storage) return false
  const today = localDay(now)
  try {
    const saved = JSON.parse(storage.getItem(KEY) ?? 'null') as { day?: unknown; count?: unknown } | null
    const used = saved?.day === today && typeof saved.count === 'number' ? saved.count : 0
    if (used >= ZERO_RESULT_COUNTS_PER_DAY) return false
    storage.setItem(KEY, JSON.stringify({ day: today, count: used + 1 }))
    return true
  } catch (error) {
    if (error instanceof SyntaxError || (error instanceof DOMException && error.name === 'QuotaExceededError')) return false
    throw error
  }
}
