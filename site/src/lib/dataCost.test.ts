import { describe, expect, it } from 'vitest'
import { dataCostOf, ESTIMATE_BITS_PER_SECOND, formatMegabytes } from './dataCost.ts'

describe('data cost labels', () => {
  it('uses the lowest rendition and the real duration when the video exists', () => {
    const cost = dataCostOf({
      durationMinutes: 4,
      video: {
        master: '/hls/1/master.m3u8',
        audio: null,
        poster: null,
        captions: null,
        durationSeconds: 240,
        width: 1280,
        height: 720,
        renditions: [
          { name: '720p', height: 720, bandwidth: 2_200_000 },
          { name: '240p', height: 240, bandwidth: 400_000 },
        ],
      },
    })
    expect(cost?.estimated).toBe(false)
    expect(cost?.bytes).toBe((400_000 * 240) / 8)
    expect(cost?.short).toBe('约 11 MB')
    expect(cost?.explanation).toContain('240p')
  })

  it('says it is an estimate, with its bitrate, before the video exists', () => {
    const cost = dataCostOf({ durationMinutes: 3.5, video: null })
    expect(cost?.estimated).toBe(true)
    expect(cost?.bytes).toBe((ESTIMATE_BITS_PER_SECOND * 210) / 8)
    expect(cost?.short).toBe('预计约 9.1 MB')
    expect(cost?.explanation).toContain('364 千比特')
  })

  it('has nothing to say without a duration', () => {
    expect(dataCostOf({ durationMinutes: null, video: null })).toBeNull()
  })

  it('rounds small and large sizes readably', () => {
    expect(formatMegabytes(1000)).toBe('约 0.1 MB')
    expect(formatMegabytes(2.1 * 1024 * 1024)).toBe('约 2.1 MB')
    expect(formatMegabytes(25.4 * 1024 * 1024)).toBe('约 25 MB')
  })
})
