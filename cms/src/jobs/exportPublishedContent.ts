import type { TaskConfig } from 'payload'
import { PUBLISHED_EXPORT_CONCURRENCY_KEY, PUBLISHED_EXPORT_QUEUE, PUBLISHED_EXPORT_TASK } from '../publishing/queuePublishedExport'
import { writePublishedExport } from '../publishing/writePublishedExport'

/**
 * Rewrites `published.json` from the published content as it is when the
 * job runs; the site runner watches that file and rebuilds the site. Jobs
 * share one concurrency key, so exports never run side by side and a
 * queued one is replaced by the next (Payload `supersedes`): 20 publishes
 * in a row end in one or two exports, not 20.
 */
export const exportPublishedContentTask: TaskConfig<typeof PUBLISHED_EXPORT_TASK> = {
  slug: PUBLISHED_EXPORT_TASK,
  label: '导出已发布内容',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  concurrency: { key: () => PUBLISHED_EXPORT_CONCURRENCY_KEY, exclusive: true, supersedes: true },
  outputSchema: [{ name: 'records', type: 'number', required: true }],
  handler: async ({ req }) => {
    const { file, content } = await writePublishedExport(req.payload)
    req.payload.logger.info(`已更新发布内容导出（${content.records.length} 条）：${file}`)
    return { output: { records: content.records.length } }
  },
}

/**
 * The export queue is checked every 10 seconds where jobs run automatically:
 * a publish reaches the export file within about 10 s, and a burst of
 * publishes costs about one export per 10 s (a site build takes longer than
 * that, and the site runner builds once for exports written during a build).
 */
export const exportQueueAutoRun = { cron: '*/10 * * * * *', queue: PUBLISHED_EXPORT_QUEUE, limit: 1 }
