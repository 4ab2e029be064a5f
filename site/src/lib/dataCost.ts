import type { PublicRecord, PublicVideo } from '@gongyu/contract'
import { PLAYER_SCRIPT_BYTES } from '../elements/gongyu-player/playerBytes.ts'

/**
 * Bits per second assumed before a video exists: the lowest rung of the CMS's
 * video ladder (240p at 300 kbps, cms/src/video/ladder.ts) plus its 64 kbps
 * audio. Labels built on it say they are estimates.
 */
export const ESTIMATE_BITS_PER_SECOND = 364_000

/**
 * The audio-only rendition's bitrate: AAC-LC mono at 64 kbps (AUDIO_BITRATE
 * in cms/src/video/ladder.ts), used only when an older export lacks the
 * audio's measured bytes.
 */
export const AUDIO_BITS_PER_SECOND = 64_000

/** Phone plans in China count a megabyte as 1024 × 1024 bytes. */
const MEGABYTE = 1024 * 1024

/** What watching a micro-lesson costs in mobile data, and how sure we are. */
export interface DataCost {
  bytes: number
  /** True when no video exists yet and the figure comes from the duration. */
  estimated: boolean
  /** Short label for lists, e.g. “约 2.1 MB”. */
  short: string
  /** Full sentence saying where the figure comes from. */
  explanation: string
}

/** “约 2.1 MB”, never below 0.1 MB. */
export function formatMegabytes(bytes: number): string {
  const megabytes = Math.max(0.1, bytes / MEGABYTE)
  return `约 ${megabytes >= 10 ? Math.round(megabytes) : megabytes.toFixed(1)} MB`
}

/** “0.17 MB”: the player's share, small enough to need two decimals. */
function playerMegabytes(): string {
  return `${(PLAYER_SCRIPT_BYTES / MEGABYTE).toFixed(2)} MB`
}

/** The sentence every real figure ends with, so the player's share is never hidden (fetched once, when the first video page shows its play button, or on play). */
export const PLAYER_NOTE = `其中约 ${playerMegabytes()} 是播放器，只下载一次。`

/** The lowest-bitrate rendition: the cheapest way to watch. */
export function lowestRendition(video: PublicVideo): PublicVideo['renditions'][number] | undefined {
  return [...video.renditions].sort((a, b) => a.bandwidth - b.bandwidth)[0]
}

/** What a whole video costs at `bitsPerSecond`. */
function wholeVideoBytes(bitsPerSecond: number, durationSeconds: number): number {
  return (bitsPerSecond * durationSeconds) / 8
}

/** The audio playlist's bytes as transcoded, or its bitrate × duration for an export without them; 0 without sound. */
export function audioBytesOf(video: PublicVideo): number {
  if (!video.audio) return 0
  return video.audioBytes ?? wholeVideoBytes(AUDIO_BITS_PER_SECOND, video.durationSeconds)
}

/**
 * What watching a whole rendition fetches the first time: its segments (which
 * carry the sound since issue 18; an older ladder's separate audio playlist is
 * added), plus the player. Without measured bytes (an older export), the
 * master playlist's BANDWIDTH, which already includes the audio, × duration.
 */
export function renditionPlayBytes(video: PublicVideo, rendition: PublicVideo['renditions'][number]): number {
  const separateAudio = video.audioInRenditions === true ? 0 : audioBytesOf(video)
  const media = rendition.bytes !== undefined ? rendition.bytes + separateAudio : wholeVideoBytes(rendition.bandwidth, video.durationSeconds)
  return media + PLAYER_SCRIPT_BYTES
}

/** What listening to the whole video without picture (仅音频) fetches the first time, player included; null without sound. */
export function audioOnlyBytes(video: PublicVideo): number | null {
  return video.audio ? audioBytesOf(video) + PLAYER_SCRIPT_BYTES : null
}

/**
 * The data a micro-lesson costs at its lowest quality: the transcoded
 * rendition's bytes with its audio and the player when the video exists; an
 * estimate from the written duration at ESTIMATE_BITS_PER_SECOND while an
 * attached video is still being transcoded. Null for a text lesson (no
 * video at all), which costs no video data, and when nothing is known.
 */
export function dataCostOf(record: Pick<PublicRecord, 'video' | 'durationMinutes' | 'videoPending'>): DataCost | null {
  const video = record.video
  const lowest = video ? lowestRendition(video) : undefined
  if (video && lowest && video.durationSeconds > 0) {
    const bytes = renditionPlayBytes(video, lowest)
    return {
      bytes,
      estimated: false,
      short: formatMegabytes(bytes),
      explanation: `用最低清晰度（${lowest.name}）看完全片${formatMegabytes(bytes)}流量，${PLAYER_NOTE}`,
    }
  }
  if (!record.videoPending || !record.durationMinutes) return null
  const bytes = wholeVideoBytes(ESTIMATE_BITS_PER_SECOND, record.durationMinutes * 60) + PLAYER_SCRIPT_BYTES
  return {
    bytes,
    estimated: true,
    short: `预计${formatMegabytes(bytes)}`,
    // Parents read MB, not bitrates (千比特 is an expert's word): the bitrate stays in ESTIMATE_BITS_PER_SECOND.
    explanation: `视频还没有上线。按最低清晰度估算，加上播放器，看完全片预计${formatMegabytes(bytes)}流量；文字稿不耗视频流量。`,
  }
}

/** One entry of the player's 清晰度 menu. */
export interface QualityChoice {
  /** `auto`, or a rendition's height in pixels (what the player matches levels by). */
  value: string
  /** The menu text with its data cost for the whole video, e.g. “240p 约 2.3 MB”. */
  label: string
  /** Bytes for the whole video, player included; for 自动, the cheapest rendition's. */
  bytes: number
}

/**
 * The 清晰度 menu for a video: 自动 (the range from the lowest to the highest
 * rendition), then each rendition lowest first. Every label carries what
 * watching the whole video that way fetches the first time, player included,
 * so a parent on a small data plan can choose before playing. 仅音频 is not
 * here: it is its own button beside play (audioOnlyBytes).
 */
export function qualityChoices(video: PublicVideo): QualityChoice[] {
  const renditions = [...video.renditions].sort((a, b) => a.bandwidth - b.bandwidth)
  const rungs = renditions.map((rendition) => {
    const bytes = renditionPlayBytes(video, rendition)
    return { value: String(rendition.height), label: `${rendition.name} ${formatMegabytes(bytes)}`, bytes }
  })
  const lowest = rungs[0]
  const highest = rungs[rungs.length - 1]
  // 自动 lands anywhere from the lowest rendition to the highest the screen allows: say the range.
  let autoLabel = '自动'
  if (lowest && highest)
    autoLabel +=
      lowest === highest
        ? ` ${formatMegabytes(lowest.bytes)}`
        : ` ${formatMegabytes(lowest.bytes).replace(' MB', '')}～${formatMegabytes(highest.bytes).replace('约 ', '')}`
  return [{ value: 'auto', label: autoLabel, bytes: lowest?.bytes ?? 0 }, ...rungs]
}
