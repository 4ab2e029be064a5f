import type { PublicVideo } from '@gongyu/contract'
import { describe, expect, it } from 'vitest'
import { PLAYER_SCRIPT_BYTES } from '../elements/gongyu-player/playerBytes.ts'
import { AUDIO_BITS_PER_SECOND, audioOnlyBytes, dataCostOf, ESTIMATE_BITS_PER_SECOND, formatMegabytes, qualityChoices } from './dataCost.ts'

const video: PublicVideo = {
  master: '/media/hls/1/master.m3u8',
  audio: '/media/hls/1/audio/index.m3u8',
  poster: null,
  captions: null,
  durationSeconds: 300,
  width: 1280,
  height: 720,
  renditions: [
    { name: '720p', height: 720, bandwidth: 2_200_000, bytes: 50_000_000 },
    { name: '240p', height: 240, bandwidth: 420_000, bytes: 11_000_000 },
    { name: '360p', height: 360, bandwidth: 800_000, bytes: 20_000_000 },
  ],
  audioBytes: 2_500_000,
}

describe('data cost labels', () => {
  it('counts the lowest rendition’s real bytes, its separate audio and the player once the video exists', () => {
    const cost = dataCostOf({ durationMinutes: 5, video, videoPending: false })
    expect(cost?.estimated).toBe(false)
    expect(cost?.bytes).toBe(11_000_000 + 2_500_000 + PLAYER_SCRIPT_BYTES)
    expect(cost?.short).toBe(formatMegabytes(11_000_000 + 2_500_000 + PLAYER_SCRIPT_BYTES))
    const player = (PLAYER_SCRIPT_BYTES / 1024 / 1024).toFixed(2)
    expect(cost?.explanation).toBe(
      `用最低清晰度（240p）看完全片${formatMegabytes(11_000_000 + 2_500_000 + PLAYER_SCRIPT_BYTES)}流量，其中约 ${player} MB 是播放器，只下载一次。`,
    )
  })

  it('does not add the audio playlist again when every rendition carries its own sound', () => {
    const muxed = { ...video, audioInRenditions: true }
    expect(dataCostOf({ durationMinutes: 5, video: muxed, videoPending: false })?.bytes).toBe(11_000_000 + PLAYER_SCRIPT_BYTES)
    expect(qualityChoices(muxed)[3]?.bytes).toBe(50_000_000 + PLAYER_SCRIPT_BYTES)
    // 仅音频 still costs its own playlist.
    expect(audioOnlyBytes(muxed)).toBe(2_500_000 + PLAYER_SCRIPT_BYTES)
  })

  it('falls back to bandwidth × duration, plus the player, for an export without measured bytes', () => {
    const older = { ...video, audioBytes: undefined, renditions: [{ name: '240p', height: 240, bandwidth: 400_000 }] }
    expect(dataCostOf({ durationMinutes: 4, video: { ...older, durationSeconds: 240 } })?.bytes).toBe((400_000 * 240) / 8 + PLAYER_SCRIPT_BYTES)
  })

  it('makes a 12 s video’s first play cost mostly the player, as it really does (issue 14: 0.28 MB fetched, 约 0.1 MB labelled)', () => {
    const sample = { ...video, durationSeconds: 12, audioBytes: 100_000, renditions: [{ name: '240p', height: 240, bandwidth: 420_000, bytes: 330_000 }] }
    expect(audioOnlyBytes(sample)).toBe(100_000 + PLAYER_SCRIPT_BYTES)
    expect(formatMegabytes(audioOnlyBytes(sample) as number)).toBe('约 0.2 MB')
  })

  it('estimates, saying so, only while an attached video is being transcoded', () => {
    const cost = dataCostOf({ durationMinutes: 3.5, video: null, videoPending: true })
    expect(cost?.estimated).toBe(true)
    expect(cost?.bytes).toBe((ESTIMATE_BITS_PER_SECOND * 210) / 8 + PLAYER_SCRIPT_BYTES)
    expect(cost?.short).toBe('预计约 9.2 MB')
    expect(cost?.explanation).toMatch(/^视频还没有上线。按最低清晰度估算.*预计约 9\.2 MB流量/)
    expect(cost?.explanation).not.toContain('千比特')
  })

  it('gives a text lesson (no video at all) no video cost, and says nothing without a duration', () => {
    expect(dataCostOf({ durationMinutes: 3.5, video: null, videoPending: false })).toBeNull()
    expect(dataCostOf({ durationMinutes: 3.5, video: null })).toBeNull()
    expect(dataCostOf({ durationMinutes: null, video: null, videoPending: true })).toBeNull()
  })

  it('rounds small and large sizes readably', () => {
    expect(formatMegabytes(1000)).toBe('约 0.1 MB')
    expect(formatMegabytes(2.1 * 1024 * 1024)).toBe('约 2.1 MB')
    expect(formatMegabytes(25.4 * 1024 * 1024)).toBe('约 25 MB')
  })
})

describe('the player’s quality menu and 仅音频', () => {
  it('offers 自动 and every rendition lowest first, each with its real cost for the whole video and the player', () => {
    const choices = qualityChoices(video)
    expect(choices.map((choice) => choice.value)).toEqual(['auto', '240', '360', '720'])
    expect(choices.map((choice) => choice.label)).toEqual(['自动 约 13～50 MB', '240p 约 13 MB', '360p 约 22 MB', '720p 约 50 MB'])
    expect(choices[1]?.bytes).toBe(11_000_000 + 2_500_000 + PLAYER_SCRIPT_BYTES)
  })

  it('costs 仅音频 at the audio playlist’s bytes plus the player, or its bitrate without them; nothing for a silent video', () => {
    expect(audioOnlyBytes(video)).toBe(2_500_000 + PLAYER_SCRIPT_BYTES)
    expect(audioOnlyBytes({ ...video, audioBytes: null })).toBe((AUDIO_BITS_PER_SECOND * 300) / 8 + PLAYER_SCRIPT_BYTES)
    expect(audioOnlyBytes({ ...video, audio: null })).toBeNull()
  })

  it('gives 自动 one figure for one rendition', () => {
    const choices = qualityChoices({ ...video, audio: null, renditions: [{ name: '240p', height: 240, bandwidth: 420_000, bytes: 11_000_000 }] })
    expect(choices.map((choice) => choice.label)).toEqual(['自动 约 11 MB', '240p 约 11 MB'])
  })
})
