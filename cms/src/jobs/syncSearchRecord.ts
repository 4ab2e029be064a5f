import type { TaskConfig } from 'payload'
import { MeiliSearchEngine, searchEngineChoice } from '@gongyu/search/server'
import { cmsSettings } from '../env/settings'
import { readPublishedRecordsOf } from '../publishing/readPublishedRecords'
import { publicCollections, type PublicCollection } from '../collections/contentTypes'
import { SEARCH_QUEUE, SYNC_SEARCH_TASK } from '../search/searchSync'

/**
 * Brings one document's record in Meilisearch up to date. It reads the
 * published state when it runs (not when it was queued), so jobs can run
 * late or twice and still leave the index right. A Meilisearch error or a
 * failed task throws, and the job is retried with backoff until the server
 * is back.
 */
// Retries back off from 5 s and double each time (25 tries reach about two years); tests shorten the first wait.
const RETRY_DELAY_MS = cmsSettings().searchRetryDelayMs

export const syncSearchRecordTask: TaskConfig<typeof SYNC_SEARCH_TASK> = {
  slug: SYNC_SEARCH_TASK,
  label: '同步搜索索引',
  retries: { attempts: 25, backoff: { type: 'exponential', delay: RETRY_DELAY_MS } },
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    { name: 'recordIds', type: 'json', required: true },
  ],
  outputSchema: [
    { name: 'upserted', type: 'number' },
    { name: 'removed', type: 'number' },
  ],
  handler: async ({ input, req }) => {
    const engine = searchEngineChoice()
    if (engine.kind !== 'meilisearch') return { output: { upserted: 0, removed: 0 } }
    const collection = input.collection as PublicCollection
    if (!(collection in publicCollections)) throw new Error(`不是公开内容集合：${input.collection}`)
    const id = /^\d+$/.test(input.id) && req.payload.db.defaultIDType === 'number' ? Number(input.id) : input.id
    const records = await readPublishedRecordsOf(req.payload, { [collection]: [id] })
    const current = new Set(records.map((record) => record.id))
    const stale = (Array.isArray(input.recordIds) ? (input.recordIds as unknown[]) : []).filter(
      (recordId): recordId is string => typeof recordId === 'string' && !current.has(recordId),
    )
    const meilisearch = new MeiliSearchEngine(engine.connection)
    await meilisearch.upsert(records)
    await meilisearch.remove(stale)
    return { output: { upserted: records.length, removed: stale.length } }
  },
}

/**
 * The search queue is checked every 10 s where jobs run automatically, as the export's is: what an editor publishes
 * is found in Meilisearch within seconds, not up to a minute later. An empty queue costs one small query.
 */
export const searchQueueAutoRun = { cron: '*/10 * * * * *', queue: SEARCH_QUEUE, limit: 100 }
