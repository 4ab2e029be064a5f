import type { PublicVideo } from '@gongyu/contract'
import { describe, expect, it } from 'vitest'
import { minutesLabel } from './labels.ts'
import { microLessonForm, microLessonLengthFacts, microLessonLengthMeta, secondsLabel } from './microLessonForm.ts'

const video: PublicVideo = {
  master: '/media/hls/1/master.m3u8',
  audio: null,
  poster: null,
  captions: null,
  durationSeconds: 12.021,
  width: 1280,
  height: 720,
  renditions: [],
}

describe('a micro-lesson’s form and length', () => {
  it('tells a playable video, one being transcoded and a text lesson apart', () => {
    expect(microLessonForm({ video, videoPending: false })).toBe('video')
    expect(microLessonForm({ video: null, videoPending: true })).toBe('pending')
    expect(microLessonForm({ video: null, videoPending: false })).toBe('text')
    expect(microLessonForm({ video: null })).toBe('text')
  })

  it('writes a real length to the second', () => {
    expect(secondsLabel(12.021)).toBe('12 秒')
    expect(secondsLabel(0.2)).toBe('1 秒')
    expect(secondsLabel(240)).toBe('4 分钟')
    expect(secondsLabel(270.4)).toBe('4 分 30 秒')
  })

  it('shows the video’s real length, not the written one (issue 14: a 12 s sample said 5 分钟)', () => {
    const record = { video, videoPending: false, durationMinutes: 5 }
    expect(microLessonLengthFacts(record)).toEqual([{ term: '视频时长', value: '12 秒' }])
    expect(microLessonLengthMeta(record)).toBe('视频 12 秒')
  })

  it('keeps the written length for a video still being transcoded and for a text lesson, which says what it is', () => {
    expect(microLessonLengthFacts({ video: null, videoPending: true, durationMinutes: 5 })).toEqual([{ term: '视频时长', value: '5 分钟' }])
    expect(microLessonLengthFacts({ video: null, videoPending: false, durationMinutes: 2.5 })).toEqual([
      { term: '形式', value: '图文课（没有视频）' },
      { term: '用时', value: '2.5 分钟' },
    ])
    expect(microLessonLengthMeta({ video: null, durationMinutes: 4 })).toBe('图文课 · 4 分钟')
    expect(microLessonLengthMeta({ video: null, durationMinutes: null })).toBe('图文课')
  })
})

describe('minutesLabel under a minute', () => {
  it('gives a short video’s real length in seconds wherever only minutes are at hand (feeds, course lists)', () => {
    expect(minutesLabel(12 / 60)).toBe('12 秒')
    expect(minutesLabel(2.5)).toBe('2.5 分钟')
    expect(minutesLabel(45)).toBe('45 分钟')
  })
})
