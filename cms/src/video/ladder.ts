/** One rung of the video ladder: the short side in pixels and the target video bitrate. */
export interface LadderRung {
  shortSide: number
  videoBitrate: number
}

/**
 * Rungs for weak networks: 240p at about 300 kbps plays on 2G/3G edges,
 * 360p at 700 kbps on ordinary mobile data, 720p at 2 Mbps on Wi-Fi.
 */
export const VIDEO_LADDER: readonly LadderRung[] = [
  { shortSide: 240, videoBitrate: 300_000 },
  { shortSide: 360, videoBitrate: 700_000 },
  { shortSide: 720, videoBitrate: 2_000_000 },
]

/** The audio rendition: AAC-LC, mono, 64 kbps; micro-lessons are speech first. */
export const AUDIO_BITRATE = 64_000

/** Segment length: short enough to switch rungs quickly, long enough to keep request overhead low. */
export const SEGMENT_SECONDS = 4

/** Faster sources are reduced to this frame rate: more frames cost bitrate and add nothing to a talk. */
export const MAX_FRAME_RATE = 30

/** A video rendition to produce. */
export interface PlannedRendition {
  name: string
  width: number
  height: number
  videoBitrate: number
}

function evenFloor(value: number): number {
  return Math.max(2, Math.floor(value / 2) * 2)
}

/**
 * The renditions for a source: every rung whose short side fits in the
 * source's, never upscaled; a source smaller than the lowest rung still gets
 * that rung, at its own size. Portrait sources are sized by their width.
 */
export function planLadder(source: { width: number; height: number }): PlannedRendition[] {
  const sourceShort = Math.min(source.width, source.height)
  const fitting = VIDEO_LADDER.filter((rung) => rung.shortSide <= sourceShort)
  const rungs = fitting.length > 0 ? fitting : [{ ...(VIDEO_LADDER[0] as LadderRung), shortSide: evenFloor(sourceShort) }]
  return rungs.map((rung) => {
    const scale = rung.shortSide / sourceShort
    const width = evenFloor(source.width * scale)
    const height = evenFloor(source.height * scale)
    return { name: `${Math.min(width, height)}p`, width, height, videoBitrate: rung.videoBitrate }
  })
}

/** The output frame rate: the source's, capped, or 25 when the source does not say. */
export function outputFrameRate(sourceRate: number | null): number {
  if (sourceRate === null) return 25
  return Math.min(sourceRate, MAX_FRAME_RATE)
}
