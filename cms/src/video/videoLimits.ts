/** Limits on what the CMS accepts and how long it may spend transcoding. */
export interface VideoLimits {
  /** Largest video upload, in bytes (`GONGYU_MAX_VIDEO_BYTES`, default 2 GB). */
  maxBytes: number
  /** Longest accepted video, in seconds (`GONGYU_MAX_VIDEO_SECONDS`, default 30 minutes). */
  maxSeconds: number
  /** Largest accepted width or height, in pixels (`GONGYU_MAX_VIDEO_DIMENSION`, default 4096). */
  maxDimension: number
  /** ffmpeg is killed after this long (`GONGYU_TRANSCODE_TIMEOUT_SECONDS`, default 20 minutes). */
  transcodeTimeoutMs: number
  /** ffprobe is killed after this long; probing reads headers only, so 30 s is generous. */
  probeTimeoutMs: number
}

const GIGABYTE = 1024 * 1024 * 1024

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  // A typo here would silently disable a safety limit, so refuse to start instead.
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}

/** Reads the video limits from the environment, with safe defaults. */
export function videoLimits(env: NodeJS.ProcessEnv = process.env): VideoLimits {
  const transcodeSeconds = positiveNumber(env, 'GONGYU_TRANSCODE_TIMEOUT_SECONDS', 20 * 60)
  return {
    maxBytes: Math.floor(positiveNumber(env, 'GONGYU_MAX_VIDEO_BYTES', 2 * GIGABYTE)),
    maxSeconds: positiveNumber(env, 'GONGYU_MAX_VIDEO_SECONDS', 30 * 60),
    maxDimension: Math.floor(positiveNumber(env, 'GONGYU_MAX_VIDEO_DIMENSION', 4096)),
    transcodeTimeoutMs: Math.round(transcodeSeconds * 1000),
    probeTimeoutMs: 30_000,
  }
}

/** A byte count for people: 2 GB, 350 MB, 12 KB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`
}
