import { inputGuardMessage } from './ffmpegMessages'
import { safeInputOptions, safeInputPath } from './inputGuard'
import { runTool } from './runTool'
import { VideoInputError } from './VideoInputError'
import type { VideoLimits } from './videoLimits'

/** What the transcoder needs to know about a source, read with ffprobe. */
export interface VideoProbe {
  /** Seconds, or null when the container does not say (some browser-recorded WebM). */
  durationSeconds: number | null
  /** Display size: rotation metadata already applied, as ffmpeg will apply it. */
  width: number
  height: number
  frameRate: number | null
  hasAudio: boolean
}

interface ProbeStream {
  codec_type?: string
  width?: number
  height?: number
  avg_frame_rate?: string
  r_frame_rate?: string
  duration?: string
  disposition?: { attached_pic?: number }
  tags?: { rotate?: string }
  side_data_list?: { rotation?: number }[]
}

interface ProbeOutput {
  streams?: ProbeStream[]
  format?: { duration?: string }
}

function parseRate(rate: string | undefined): number | null {
  if (!rate) return null
  const [numerator, denominator] = rate.split('/').map(Number)
  if (!numerator || !denominator) return null
  const value = numerator / denominator
  return Number.isFinite(value) && value > 0 && value <= 240 ? value : null
}

function rotationOf(stream: ProbeStream): number {
  const fromSideData = stream.side_data_list?.find((entry) => typeof entry.rotation === 'number')?.rotation
  const raw = fromSideData ?? Number(stream.tags?.rotate ?? 0)
  return Number.isFinite(raw) ? ((Math.round(raw) % 360) + 360) % 360 : 0
}

function positiveSeconds(value: string | undefined): number | null {
  const seconds = Number(value)
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null
}

/** Turns ffprobe's JSON into a VideoProbe, refusing what cannot be a video. */
export function readProbeOutput(json: string): VideoProbe {
  let output: ProbeOutput
  try {
    output = JSON.parse(json) as ProbeOutput
  } catch (error) {
    throw new VideoInputError('无法读取视频信息，文件可能已损坏。', error instanceof Error ? error.message : String(error))
  }
  const streams = output.streams ?? []
  if (streams.length === 0) throw new VideoInputError('无法识别的视频文件：文件里找不到任何音视频轨道，可能已损坏。请重新导出后上传。')
  const video = streams.find((stream) => stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1)
  if (!video) throw new VideoInputError('文件里没有视频画面（可能是纯音频），请上传视频文件。')
  if (!video.width || !video.height) throw new VideoInputError('无法读取视频的画面尺寸，文件可能已损坏。')
  const quarterTurn = rotationOf(video) % 180 === 90
  return {
    durationSeconds: positiveSeconds(output.format?.duration) ?? positiveSeconds(video.duration),
    width: quarterTurn ? video.height : video.width,
    height: quarterTurn ? video.width : video.height,
    frameRate: parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate),
    hasAudio: streams.some((stream) => stream.codec_type === 'audio'),
  }
}

/** Refuses a probed source that is too long or too large to transcode here. */
export function checkProbeLimits(probe: VideoProbe, limits: VideoLimits): void {
  if (probe.width > limits.maxDimension || probe.height > limits.maxDimension) {
    throw new VideoInputError(`视频分辨率 ${probe.width}×${probe.height} 超过上限（宽、高都不能超过 ${limits.maxDimension} 像素），请压缩后重新上传。`)
  }
  if (probe.durationSeconds !== null && probe.durationSeconds > limits.maxSeconds) {
    throw new VideoInputError(`视频时长 ${Math.ceil(probe.durationSeconds / 60)} 分钟，超过上限 ${Math.floor(limits.maxSeconds / 60)} 分钟，请剪短后重新上传。`)
  }
}

/** Probes a local source with ffprobe (local files and known containers only) and checks the limits. */
export async function probeVideo(file: string, limits: VideoLimits, ffprobe = 'ffprobe'): Promise<VideoProbe> {
  const result = await runTool(
    ffprobe,
    ['-v', 'error', ...safeInputOptions(), '-print_format', 'json', '-show_format', '-show_streams', '-i', safeInputPath(file)],
    { timeoutMs: limits.probeTimeoutMs, captureStdout: true },
  )
  if (result.timedOut) throw new VideoInputError('读取视频信息超时，文件可能已损坏。')
  if (result.code !== 0) throw new VideoInputError(inputGuardMessage(result.stderr), result.stderr.trim().slice(-500))
  const probe = readProbeOutput(result.stdout)
  checkProbeLimits(probe, limits)
  return probe
}
