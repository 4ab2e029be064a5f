/** The least media the player keeps ahead once playing, in seconds: one short fetch of margin. */
export const MIN_AHEAD_SECONDS = 2

/** The most media the player keeps ahead, in seconds (hls.js would keep 30). */
export const MAX_AHEAD_SECONDS = 12

/** How many segment fetches of margin the buffer holds: the link may halve in speed without a stall. */
const FETCHES_OF_MARGIN = 2

/** Watching this many seconds earns one more second of buffer: a parent who keeps watching will likely finish. */
const WATCHED_SECONDS_PER_BUFFER_SECOND = 6

/** What the buffer size depends on. */
export interface ForwardBufferInputs {
  /** The slowest of the last few media segment fetches, in seconds; 0 before the first. */
  segmentFetchSeconds: number
  /** Seconds of media played so far in this load. */
  watchedSeconds: number
}

/**
 * How far ahead of the playing position the player buffers (issue 18). It
 * fetches the next segment just in time, two fetches ahead of running dry,
 * rather than hls.js's 30 s (its maxMaxBufferLength wins over maxBufferLength
 * at low bitrates, which is where 1.85 MB for the first 10 s at 240p came
 * from): a parent who stops early has paid for little they did not watch.
 * The margin grows with the time watched, up to MAX_AHEAD_SECONDS, and with
 * a slow link, since each fetch then takes longer.
 */
export function forwardBufferSeconds({ segmentFetchSeconds, watchedSeconds }: ForwardBufferInputs): number {
  const wanted = Math.max(FETCHES_OF_MARGIN * segmentFetchSeconds, watchedSeconds / WATCHED_SECONDS_PER_BUFFER_SECOND)
  return Math.min(MAX_AHEAD_SECONDS, Math.max(MIN_AHEAD_SECONDS, Math.round(wanted * 10) / 10))
}

/** The sum of a video's played ranges, in seconds. */
export function playedSeconds(played: TimeRanges): number {
  let total = 0
  for (let index = 0; index < played.length; index += 1) total += played.end(index) - played.start(index)
  return total
}
