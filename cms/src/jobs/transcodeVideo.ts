import type { Payload, TaskConfig } from 'payload'
import { hlsDirectory, scratchDirectory, uploadDirectory } from '../env/paths'
import type { Video } from '../payload-types'
import { queuePublishedExport } from '../publishing/queuePublishedExport'
import { removeLadders, storeLadder } from '../video/ladderStorage'
import { localVideoSource } from '../video/localVideoSource'
import { TRANSCODE_JOB_CONTEXT, TRANSCODE_VIDEO_TASK, VIDEO_QUEUE, type TranscodeStatus } from '../video/transcodeJob'
import { transcodeToHls, type HlsResult } from '../video/transcodeToHls'
import { VideoInputError } from '../video/VideoInputError'
import { videoLimits } from '../video/videoLimits'

type Id = string | number

async function record(payload: Payload, id: Id, data: Partial<Video>): Promise<void> {
  await payload.update({ collection: 'videos', id, data, overrideAccess: true, depth: 0, context: { [TRANSCODE_JOB_CONTEXT]: true } })
}

function readyData(result: HlsResult): Partial<Video> {
  return {
    transcodeStatus: 'ready',
    transcodeError: null,
    durationSeconds: result.durationSeconds,
    width: result.width,
    height: result.height,
    hasAudio: result.hasAudio,
    renditions: result.renditions,
    masterPlaylist: result.masterPlaylist,
    audioPlaylist: result.audioPlaylist,
    audioBytes: result.audioBytes,
    audioInRenditions: result.audioInRenditions,
    posterPath: result.posterPath,
    transcodedAt: new Date().toISOString(),
  }
}

/** Whether the video still holds the file this job was queued for (a newer upload queues its own job). */
async function stillCurrent(payload: Payload, id: Id, fingerprint: string | null | undefined): Promise<Video | null> {
  const video = await payload.findByID({ collection: 'videos', id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!video) return null
  if (fingerprint && video.sourceFingerprint !== fingerprint) return null
  return video
}

/**
 * Transcodes one uploaded video into an HLS ladder under `<data>/hls/<id>/<version>/`
 * (moved into the bucket when one is configured, ladderStorage.ts) and records
 * the outcome on the video. A source that cannot be used ends `failed` with a
 * Chinese reason, and the job itself succeeds: retrying would
 * fail the same way. Unexpected errors mark the video failed and rethrow, so
 * the job log keeps them.
 */
export const transcodeVideoTask: TaskConfig<typeof TRANSCODE_VIDEO_TASK> = {
  slug: TRANSCODE_VIDEO_TASK,
  label: '视频转码（HLS）',
  retries: 0,
  inputSchema: [
    { name: 'videoId', type: 'text', required: true },
    { name: 'fingerprint', type: 'text' },
  ],
  outputSchema: [{ name: 'status', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    const { payload } = req
    const id: Id = input.videoId
    const video = await stillCurrent(payload, id, input.fingerprint)
    if (!video) return { output: { status: 'superseded' } }
    const hlsRoot = hlsDirectory()
    await record(payload, video.id, { transcodeStatus: 'processing', transcodeError: null })
    let status: TranscodeStatus = 'failed'
    let source: Awaited<ReturnType<typeof localVideoSource>> | undefined
    try {
      source = await localVideoSource(video, payload.collections.videos.config.upload.staticDir ?? uploadDirectory('videos'))
      const result = await transcodeToHls({
        source: source.path,
        hlsRoot,
        folderName: String(video.id),
        workRoot: scratchDirectory('transcodes'),
        limits: videoLimits(),
        log: (message) => payload.logger.warn(`video ${video.id}: ${message}`),
      })
      if (!(await stillCurrent(payload, video.id, input.fingerprint))) return { output: { status: 'superseded' } }
      await storeLadder(hlsRoot, result.masterPlaylist)
      await record(payload, video.id, readyData(result))
      status = 'ready'
      // One line per finished transcode: where several processes share a queue, the logs show which one did it.
      payload.logger.info(`视频 ${video.id} 转码完成（${result.renditions.length} 档）。Video ${video.id} transcoded.`)
      // The micro-lessons using this video become playable only now: queue a refresh of the site's export.
      await queuePublishedExport(payload)
      return { output: { status } }
    } catch (error) {
      // The old ladder belongs to a file that is gone; leave no output next to a failed status.
      await removeLadders(hlsRoot, String(video.id))
      const reason = error instanceof VideoInputError ? error.reason : '转码时出现内部错误，请稍后重新上传，或联系管理员查看服务器日志。'
      await record(payload, video.id, { transcodeStatus: 'failed', transcodeError: reason })
      if (!(error instanceof VideoInputError)) throw error
      payload.logger.info(`video ${video.id} not transcoded: ${error.message}`)
      return { output: { status } }
    } finally {
      await source?.release()
    }
  },
}

/**
 * The queue runner for transcodes: one video per run, checked every 10 s, so
 * a batch (the seed's sample videos) goes through one after another without
 * parallel ffmpeg runs; the cron never overlaps runs (Payload sets `protect`).
 */
export const videoQueueAutoRun = { cron: '*/10 * * * * *', queue: VIDEO_QUEUE, limit: 1 }
