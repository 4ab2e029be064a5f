/** Where a parent stopped, kept per video so the next visit picks up there. */
export interface PositionMemory {
  /** The second to resume from, or 0 to start at the beginning. */
  resumeAt(duration: number): number
  /** Keeps `time`, or forgets the video when `time` is near its end. */
  remember(time: number, duration: number): void
  forget(): void
}

/** Positions before this are not worth resuming: the parent barely started. */
export const MIN_RESUME_SECONDS = 5
/** Within this much of the end (at most a tenth of a short video) a video counts as watched, and the next play starts over. */
export const END_MARGIN_SECONDS = 10

function nearEnd(time: number, duration: number): boolean {
  return duration > 0 && time > duration - Math.min(END_MARGIN_SECONDS, duration / 10)
}

const KEY_PREFIX = 'gongyu-player:position:'

/** The storage the memory writes to, or null where the browser refuses it (storage off, some private modes). */
function availableStorage(): Storage | null {
  try {
    return window.localStorage
  } catch (error) {
    // Reading `localStorage` throws a SecurityError when storage is blocked: the player then simply does not remember.
    console.info('gongyu-player: 无法使用本地存储，不记住播放位置。', error)
    return null
  }
}

/**
 * Position memory keyed by the video's master playlist URL (the same on the
 * Simplified and Traditional pages). Storage that is full or blocked only
 * costs the memory, never playback.
 */
export function positionMemory(masterUrl: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = availableStorage()): PositionMemory {
  const key = `${KEY_PREFIX}${masterUrl}`
  const write = (action: () => void) => {
    try {
      action()
    } catch (error) {
      // A full or read-only storage (QuotaExceededError) loses the position, which is all it can cost.
      console.info('gongyu-player: 没能保存播放位置。', error)
    }
  }
  return {
    resumeAt(duration) {
      const saved = Number(storage?.getItem(key))
      if (!Number.isFinite(saved) || saved < MIN_RESUME_SECONDS) return 0
      return nearEnd(saved, duration) ? 0 : saved
    },
    remember(time, duration) {
      if (!storage) return
      if (nearEnd(time, duration)) write(() => storage.removeItem(key))
      else if (time >= MIN_RESUME_SECONDS) write(() => storage.setItem(key, String(Math.floor(time))))
    },
    forget() {
      if (storage) write(() => storage.removeItem(key))
    },
  }
}
