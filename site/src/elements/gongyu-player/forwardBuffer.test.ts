import { describe, expect, it } from 'vitest'
import { forwardBufferSeconds, MAX_AHEAD_SECONDS, MIN_AHEAD_SECONDS } from './forwardBuffer.ts'

describe('how far ahead the player buffers', () => {
  it('keeps two segment fetches of margin on a link a few times faster than the rung', () => {
    // 240p with its sound on 1.6 Mbit/s: a 4 s segment of about 190 KB arrives in about 1.1 s.
    expect(forwardBufferSeconds({ segmentFetchSeconds: 1.1, watchedSeconds: 5 })).toBe(2.2)
  })

  it('buffers more on a slow link, where each fetch takes longer, up to the cap', () => {
    expect(forwardBufferSeconds({ segmentFetchSeconds: 3, watchedSeconds: 5 })).toBe(6)
    expect(forwardBufferSeconds({ segmentFetchSeconds: 20, watchedSeconds: 5 })).toBe(MAX_AHEAD_SECONDS)
  })

  it('grows with the time watched, to the cap after a minute and more', () => {
    const fast = { segmentFetchSeconds: 0.2 }
    expect(forwardBufferSeconds({ ...fast, watchedSeconds: 0 })).toBe(MIN_AHEAD_SECONDS)
    expect(forwardBufferSeconds({ ...fast, watchedSeconds: 30 })).toBe(5)
    expect(forwardBufferSeconds({ ...fast, watchedSeconds: 600 })).toBe(MAX_AHEAD_SECONDS)
  })

  it('never goes below the minimum before the first fetch is timed', () => {
    expect(forwardBufferSeconds({ segmentFetchSeconds: 0, watchedSeconds: 0 })).toBe(MIN_AHEAD_SECONDS)
  })
})
