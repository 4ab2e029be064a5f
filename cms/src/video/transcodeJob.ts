/** The task that turns an uploaded video into an HLS ladder. */
export const TRANSCODE_VIDEO_TASK = 'transcodeVideo'

/**
 * Transcodes run on their own queue, one at a time, so a long video never
 * holds up scheduled publishing and two ffmpeg runs never share the CPU.
 */
export const VIDEO_QUEUE = 'video'

/** Set in `context` by the transcode job's own saves, so they do not queue another transcode. */
export const TRANSCODE_JOB_CONTEXT = 'videoTranscodeJob'

/** The values of `transcodeStatus`. */
export type TranscodeStatus = 'queued' | 'processing' | 'ready' | 'failed'
