import type { CollectionAfterChangeHook } from 'payload'
import type { Video } from '../../payload-types'
import { TRANSCODE_JOB_CONTEXT, TRANSCODE_VIDEO_TASK, VIDEO_QUEUE } from '../transcodeJob'

/**
 * Queues a transcode for a video that markVideoForTranscode just marked
 * `queued`. The job joins the save's transaction (req), so a save that rolls
 * back leaves no job behind. The job's own saves carry the context flag.
 */
export const queueVideoTranscode: CollectionAfterChangeHook<Video> = async ({ context, doc, operation, previousDoc, req }) => {
  if (context[TRANSCODE_JOB_CONTEXT]) return doc
  if (doc.transcodeStatus !== 'queued') return doc
  const newlyQueued = operation === 'create' || previousDoc?.transcodeStatus !== 'queued' || previousDoc?.sourceFingerprint !== doc.sourceFingerprint
  if (!newlyQueued) return doc
  await req.payload.jobs.queue({
    task: TRANSCODE_VIDEO_TASK,
    queue: VIDEO_QUEUE,
    input: { videoId: String(doc.id), fingerprint: doc.sourceFingerprint ?? null },
    req,
  })
  return doc
}
