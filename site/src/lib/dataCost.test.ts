import { describe, expect, it } from 'vitest'
import { AUDIO_BITS_PER_SECOND, dataCostOf, ESTIMATE_BITS_PER_SECOND, formatMegabytes, qualityChoices } from './dataCost.ts'

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

describe('the player’s quality menu', () => {
  const video = {
    master: '/media/hls/1/master.m3u8',
    audio: '/media/hls/1/audio/index.m3u8',
    poster: null,
    captions: null,
    durationSeconds: 300,
    width: 1280,
    height: 720,
    renditions: [
      { name: '720p', height: 720, bandwidth: 2_200_000 },
      { name: '240p', height: 240, bandwidth: 420_000 },
      { name: '360p', height: 360, bandwidth: 800_000 },
    ],
  }

  it('offers 自动, every rendition lowest first and 仅音频, each with its cost for the whole video', () => {
    const choices = qualityChoices(video)
    expect(choices.map((choice) => choice.value)).toEqual(['auto', '240', '360', '720', 'audio'])
    expect(choices.map((choice) => choice.label)).toEqual(['自动 约 15～79 MB', '240p 约 15 MB', '360p 约 29 MB', '720p 约 79 MB', '仅音频（省流量）约 2.3 MB'])
    expect(choices.find((choice) => choice.value === 'audio')?.bytes).toBe((AUDIO_BITS_PER_SECOND * 300) / 8)
  })

  it('leaves 仅音频 out for a video without sound, and gives 自动 one figure for one rendition', () => {
    const choices = qualityChoices({ ...video, audio: null, renditions: [{ name: '240p', height: 240, bandwidth: 420_000 }] })
    expect(choices.map((choice) => choice.label)).toEqual(['自动 约 15 MB', '240p 约 15 MB'])
  })
})
