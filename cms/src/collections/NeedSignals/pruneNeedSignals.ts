import type { Payload, TaskConfig } from 'payload'
import { reportWeeks } from './needsReport'

/** The job that deletes signals the report no longer shows. */
export const PRUNE_NEED_SIGNALS_TASK = 'pruneNeedSignals'

/**
 * Deletes every needs signal older than the report's weeks: a signal nobody
 * will ever see is not kept. ISO weeks of one width sort as text
 * (2025-W52 < 2026-W01), so one indexed comparison finds them.
 */
export async function pruneNeedSignals(payload: Payload, now = new Date()): Promise<number> {
  const oldestShown = reportWeeks(now).at(-1) ?? ''
  const { docs } = await payload.delete({ collection: 'need-signals', where: { week: { less_than: oldestShown } }, overrideAccess: true, depth: 0 })
  return docs.length
}

/** Runs every night at 03:30 (server time) in the default queue, which the default runner schedules and runs. */
export const pruneNeedSignalsTask: TaskConfig<typeof PRUNE_NEED_SIGNALS_TASK> = {
  slug: PRUNE_NEED_SIGNALS_TASK,
  label: '删除过期的需求信号',
  schedule: [{ cron: '30 3 * * *', queue: 'default' }],
  outputSchema: [{ name: 'deleted', type: 'number' }],
  handler: async ({ req }) => ({ output: { deleted: await pruneNeedSignals(req.payload) } }),
}
