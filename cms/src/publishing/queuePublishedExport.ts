import type { Payload } from 'payload'
import { writePublishedExport } from './writePublishedExport'

const EXPORT_DELAY_MS = 2000
const timers = new WeakMap<Payload, ReturnType<typeof setTimeout>>()

/** Whether saves rewrite the export: on by default, off in tests unless asked for. */
function exportOnChange(env: NodeJS.ProcessEnv): boolean {
  if (env.GONGYU_EXPORT_ON_CHANGE) return env.GONGYU_EXPORT_ON_CHANGE === '1'
  return env.NODE_ENV !== 'test'
}

/**
 * Rewrites the published export a moment after the last change, so a
 * burst of saves costs one export; the site's dev runner rebuilds from it.
 */
export function schedulePublishedExport(payload: Payload, env: NodeJS.ProcessEnv = process.env): void {
  if (!exportOnChange(env)) return
  clearTimeout(timers.get(payload))
  const timer = setTimeout(() => {
    timers.delete(payload)
    writePublishedExport(payload).then(
      ({ content }) => payload.logger.info(`已更新发布内容导出（${content.records.length} 条）。`),
      (error: Error) => payload.logger.error(`发布内容导出失败：${error.message}`),
    )
  }, EXPORT_DELAY_MS)
  timer.unref()
  timers.set(payload, timer)
}
