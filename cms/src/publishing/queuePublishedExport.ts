import type { Payload, PayloadRequest } from 'payload'
import { cmsSettings } from '../env/settings'

/** The job queue that rewrites the published export (publish → job → export file → site runner → build). */
export const PUBLISHED_EXPORT_QUEUE = 'export'
export const PUBLISHED_EXPORT_TASK = 'exportPublishedContent'
/** Every export job shares this concurrency key: one runs at a time, and a newer one replaces any still waiting. */
export const PUBLISHED_EXPORT_CONCURRENCY_KEY = 'published-export'

/**
 * Queues a rewrite of the published export after a change the public can
 * see (publish, unpublish, delete, a finished transcode). The job reads the
 * content when it runs, so one job covers every change before it: Payload's
 * concurrency control drops a queued job that has not started when a newer
 * one is queued, and a burst of publishes costs one export per runner tick.
 * Passing `req` queues inside the save's transaction, so a save that rolls
 * back queues nothing. Off in tests unless `GONGYU_EXPORT_ON_CHANGE=1`.
 */
export async function queuePublishedExport(payload: Payload, req?: PayloadRequest): Promise<void> {
  if (!cmsSettings().exportOnChange) return
  await payload.jobs.queue({ task: PUBLISHED_EXPORT_TASK, queue: PUBLISHED_EXPORT_QUEUE, input: {}, req })
}
