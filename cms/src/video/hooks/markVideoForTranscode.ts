import type { CollectionBeforeChangeHook } from 'payload'
import type { Video } from '../../payload-types'
import { sourceFingerprint } from '../sourceFingerprint'
import { TRANSCODE_JOB_CONTEXT } from '../transcodeJob'

/** What a save that needs a new transcode resets: the old outputs describe the old file. */
const queuedState = {
  transcodeStatus: 'queued',
  transcodeError: null,
  durationSeconds: null,
  width: null,
  height: null,
  hasAudio: null,
  masterPlaylist: null,
  audioPlaylist: null,
  posterPath: null,
  audioBytes: null,
  audioInRenditions: null,
  renditions: [],
  transcodedAt: null,
} satisfies Partial<Video>

/**
 * Marks a video `queued` when it needs transcoding: on create (uploads and
 * duplicates alike), and on update when a file with different content
 * arrives, or the same file again when it is not already ready or queued (a
 * retry after a failure, or after a server restart stopped a transcode
 * midway). Saves that only change the title leave the status and outputs
 * alone; afterChange queues the job for documents this hook marked.
 */
export const markVideoForTranscode: CollectionBeforeChangeHook<Video> = async ({ context, data, operation, originalDoc, req }) => {
  if (context[TRANSCODE_JOB_CONTEXT]) return data
  const fingerprint = req.file ? await sourceFingerprint(req.file) : undefined
  if (operation === 'update') {
    if (!fingerprint) return data
    const sameFile = originalDoc?.sourceFingerprint === fingerprint
    const settled = originalDoc?.transcodeStatus === 'ready' || originalDoc?.transcodeStatus === 'queued'
    if (sameFile && settled) return data
  }
  return { ...data, ...queuedState, sourceFingerprint: fingerprint ?? data.sourceFingerprint ?? null }
}
