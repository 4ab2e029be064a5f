import { isoWeekOf } from '@gongyu/contract'
import type { Payload } from 'payload'

/**
 * The fewest signals a group needs before anyone sees it: a query asked fewer
 * times in a county (or province, or anywhere) in one week could point at a
 * family, so it is never shown.
 */
export const NEEDS_REPORT_THRESHOLDS = { county: 5, province: 10, all: 10 } as const

export type NeedsReportLevel = keyof typeof NEEDS_REPORT_THRESHOLDS

/** One query in one area and one week, at or above its level's threshold. */
export interface NeedsReportRow {
  query: string
  level: NeedsReportLevel
  province: string | null
  county: string | null
  week: string
  /** 没找到？告诉我们 taps. */
  asked: number
  /** Searches that found nothing, where an organization turned counting on. */
  zeroResult: number
  total: number
}

/** How many recent weeks the report covers (this week and the ones before it). */
export const NEEDS_REPORT_WEEKS = 8

const PAGE_SIZE = 1000
const MS_PER_WEEK = 7 * 86_400_000

/** The ISO weeks the report covers, newest first. */
export function reportWeeks(now: Date, weeks = NEEDS_REPORT_WEEKS): string[] {
  return [...new Set(Array.from({ length: weeks }, (_, index) => isoWeekOf(new Date(now.getTime() - index * MS_PER_WEEK))))]
}

type Signal = { query: string; province?: string | null; county?: string | null; week: string; kind: 'asked' | 'zero-result' }

/** Counts signals by query, area and week at each level, and keeps only the groups at or above their threshold. */
export function aggregateNeedSignals(signals: Iterable<Signal>): NeedsReportRow[] {
  const groups = new Map<string, NeedsReportRow>()
  const count = (signal: Signal, level: NeedsReportLevel, province: string | null, county: string | null) => {
    const key = JSON.stringify([level, province, county, signal.week, signal.query])
    let row = groups.get(key)
    if (!row) {
      row = { query: signal.query, level, province, county, week: signal.week, asked: 0, zeroResult: 0, total: 0 }
      groups.set(key, row)
    }
    if (signal.kind === 'asked') row.asked += 1
    else row.zeroResult += 1
    row.total += 1
  }
  for (const signal of signals) {
    count(signal, 'all', null, null)
    if (signal.province) count(signal, 'province', signal.province, null)
    if (signal.province && signal.county) count(signal, 'county', signal.province, signal.county)
  }
  return [...groups.values()]
    .filter((row) => row.total >= NEEDS_REPORT_THRESHOLDS[row.level])
    .sort((a, b) => b.week.localeCompare(a.week) || b.total - a.total || a.query.localeCompare(b.query, 'zh'))
}

/**
 * The needs report of the last NEEDS_REPORT_WEEKS weeks. Signals are read on
 * the server with access overridden (nobody may read them over the API) and
 * only the thresholded groups leave this function.
 */
export async function readNeedsReport(payload: Payload, now = new Date()): Promise<NeedsReportRow[]> {
  const signals: Signal[] = []
  const weeks = reportWeeks(now)
  for (let page = 1; ; page += 1) {
    const result = await payload.find({
      collection: 'need-signals',
      where: { week: { in: weeks } },
      select: { query: true, province: true, county: true, week: true, kind: true },
      limit: PAGE_SIZE,
      page,
      depth: 0,
      sort: 'id',
      overrideAccess: true,
    })
    signals.push(...result.docs)
    if (!result.hasNextPage) break
  }
  return aggregateNeedSignals(signals)
}
