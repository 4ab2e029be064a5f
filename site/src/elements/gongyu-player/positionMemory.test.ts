import { describe, expect, it } from 'vitest'
import { END_MARGIN_SECONDS, MIN_RESUME_SECONDS, positionMemory } from './positionMemory.ts'

function fakeStorage() {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  }
}

describe('remembering where a parent stopped', () => {
  it('resumes from the saved second, kept per master playlist', () => {
    const storage = fakeStorage()
    positionMemory('/media/hls/1/master.m3u8', storage).remember(42.7, 300)
    expect(positionMemory('/media/hls/1/master.m3u8', storage).resumeAt(300)).toBe(42)
    expect(positionMemory('/media/hls/2/master.m3u8', storage).resumeAt(300)).toBe(0)
    expect([...storage.items.keys()]).toEqual(['gongyu-player:position:/media/hls/1/master.m3u8'])
  })

  it('starts over after the end was reached, and ignores a barely started video', () => {
    const storage = fakeStorage()
    const memory = positionMemory('/v.m3u8', storage)
    memory.remember(120, 300)
    memory.remember(300 - END_MARGIN_SECONDS + 1, 300)
    expect(storage.items.size).toBe(0)
    memory.remember(MIN_RESUME_SECONDS - 1, 300)
    expect(memory.resumeAt(300)).toBe(0)
  })

  it('counts only the last tenth of a short video as its end', () => {
    const storage = fakeStorage()
    positionMemory('/v.m3u8', storage).remember(8, 10)
    expect(positionMemory('/v.m3u8', storage).resumeAt(10)).toBe(8)
    positionMemory('/v.m3u8', storage).remember(9.5, 10)
    expect(storage.items.size).toBe(0)
  })

  it('does not resume past the end of a video that became shorter', () => {
    const storage = fakeStorage()
    positionMemory('/v.m3u8', storage).remember(250, 300)
    expect(positionMemory('/v.m3u8', storage).resumeAt(100)).toBe(0)
  })

  it('plays on without memory when storage is blocked or full', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      },
      removeItem: () => undefined,
    }
    expect(() => positionMemory('/v.m3u8', full).remember(60, 300)).not.toThrow()
    expect(positionMemory('/v.m3u8', null).resumeAt(300)).toBe(0)
  })
})
