import type { PublicRecord, PublicVideo } from '@gongyu/contract'

/**
 * Bits per second assumed before a video exists: the lowest rung of the CMS's
 * video ladder (240p at 300 kbps, cms/src/video/ladder.ts) plus its 64 kbps
 * audio. Labels built on it say they are estimates.
 */
export const ESTIMATE_BITS_PER_SECOND = 364_000

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

/** The lowest-bitrate rendition: the cheapest way to watch. */
export function lowestRendition(video: PublicVideo): PublicVideo['renditions'][number] | undefined {
  return [...video.renditions].sort((a, b) => a.bandwidth - b.bandwidth)[0]
}

/**
 * The data a micro-lesson costs at its lowest quality: the real rendition's
 * bandwidth × duration when the video exists, else an estimate from the
 * written duration at ESTIMATE_BITS_PER_SECOND. Null when neither is known.
 */
export function dataCostOf(record: Pick<PublicRecord, 'video' | 'durationMinutes'>): DataCost | null {
  const video = record.video
  const lowest = video ? lowestRendition(video) : undefined
  if (video && lowest && video.durationSeconds > 0) {
    const bytes = (lowest.bandwidth * video.durationSeconds) / 8
    return {
      bytes,
      estimated: false,
      short: formatMegabytes(bytes),
      explanation: `用最低清晰度（${lowest.name}）看完全片${formatMegabytes(bytes)}流量。`,
    }
  }
  if (!record.durationMinutes) return null
  const bytes = (ESTIMATE_BITS_PER_SECOND * record.durationMinutes * 60) / 8
  return {
    bytes,
    estimated: true,
    short: `预计${formatMegabytes(bytes)}`,
    explanation: `视频还没有上线。按最低清晰度每秒约 ${ESTIMATE_BITS_PER_SECOND / 1000} 千比特估算，看完全片预计${formatMegabytes(bytes)}流量；文字稿不耗视频流量。`,
  }
}

/**
 * The audio-only rendition's bitrate: AAC-LC mono at 64 kbps (AUDIO_BITRATE
 * in cms/src/video/ladder.ts). The public record does not carry it, and the
 * fMP4 framing adds only a few percent, so labels built on it say 约.
 */
export const AUDIO_BITS_PER_SECOND = 64_000

/** What a whole video costs at `bitsPerSecond`. */
function wholeVideoBytes(bitsPerSecond: number, durationSeconds: number): number {
  return (bitsPerSecond * durationSeconds) / 8
}

/** One entry of the player's 清晰度 menu. */
export interface QualityChoice {
  /** `auto`, `audio`, or a rendition's height in pixels (what the player matches levels by). */
  value: string
  /** The menu text with its data cost for the whole video, e.g. “240p 约 2.3 MB”. */
  label: string
  /** Bytes for the whole video; for 自动, the cheapest rendition's. */
  bytes: number
}

/**
 * The 清晰度 menu for a video: 自动 (the range from the lowest to the highest
 * rendition), each rendition lowest first, and 仅音频（省流量） when the video
 * has an audio playlist. Every label carries what watching the whole video
 * that way costs, so a parent on a small data plan can choose before playing.
 */
export function qualityChoices(video: PublicVideo): QualityChoice[] {
  const renditions = [...video.renditions].sort((a, b) => a.bandwidth - b.bandwidth)
  const rungs = renditions.map((rendition) => {
    const bytes = wholeVideoBytes(rendition.bandwidth, video.durationSeconds)
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
  const choices: QualityChoice[] = [{ value: 'auto', label: autoLabel, bytes: lowest?.bytes ?? 0 }, ...rungs]
  if (video.audio) {
    const bytes = wholeVideoBytes(AUDIO_BITS_PER_SECOND, video.durationSeconds)
    choices.push({ value: 'audio', label: `仅音频（省流量）${formatMegabytes(bytes)}`, bytes })
  }
  return choices
}
