import type { PublicVideo } from '@gongyu/contract'
import { describe, expect, it } from 'vitest'
import type { MicroLesson } from '../../payload-types'
import { fakeRecordLookups } from '../testing/fakeRecordLookups'
import { fieldMismatchOf } from '../testing/fieldMismatchOf'
import { MicroLessons } from './index'
import { microLessonToPublicRecord } from './toPublicRecord'

const transcript = `${'孩子'.repeat(70)}\n\n第二段。`

const microLesson = {
  id: 21,
  title: '好好说再见',
  video: 51,
  durationSeconds: 150,
  poster: 61,
  captions: 71,
  transcript,
  grades: ['k1', 'p1'],
  themes: [11],
  lesson: 7,
  presenter: '县家长学校讲师团',
  slug: 'goodbye',
  reviewState: 'approved',
  reviewNote: null,
  submittedBy: null,
  submittedAt: null,
  createdBy: null,
  updatedAt: '2026-03-02T08:00:00.000Z',
  createdAt: '2026-02-02T08:00:00.000Z',
  _status: 'published',
} satisfies MicroLesson

const video: PublicVideo = {
  master: '/media/hls/goodbye/master.m3u8',
  audio: null,
  poster: null,
  captions: '/media/captions/goodbye.vtt',
  durationSeconds: 150,
  width: 640,
  height: 360,
  renditions: [{ name: '360p', height: 360, bandwidth: 600_000 }],
}

const lookups = fakeRecordLookups({ themes: { 11: { slug: 'emotions', name: '情绪' } }, records: { 'lessons:7': 'lesson:k1-03-separation' }, video })

describe('microLessonToPublicRecord', () => {
  it('maps every field of a published micro-lesson to its record, with its video', () => {
    expect(microLessonToPublicRecord(microLesson, lookups)).toEqual({
      id: 'micro-lesson:goodbye',
      type: 'micro-lesson',
      slug: 'goodbye',
      url: '/micro-lessons/goodbye/',
      title: '好好说再见',
      summary: `${'孩子'.repeat(60)}…`,
      bodyText: transcript,
      stages: ['kindergarten', 'primary'],
      grades: ['k1', 'p1'],
      gradeOrder: 1,
      themes: ['emotions'],
      themeNames: ['情绪'],
      audience: ['parents'],
      category: null,
      durationMinutes: 2.5,
      familySituations: [],
      publishedAt: '2026-03-02T08:00:00.000Z',
      sequence: null,
      month: null,
      occasion: null,
      sections: [{ key: 'transcript', heading: '文字稿', html: `<p>${'孩子'.repeat(70)}</p><p>第二段。</p>` }],
      related: ['lesson:k1-03-separation'],
      presenter: '县家长学校讲师团',
      video,
      videoPending: false,
    })
  })

  it('states the transcoded video’s real length, to the second, rather than the written one', () => {
    const sample = fakeRecordLookups({ video: { ...video, durationSeconds: 12.021 } })
    const record = microLessonToPublicRecord({ ...microLesson, durationSeconds: 300 }, sample)
    expect(record?.durationMinutes).toBe(12 / 60)
    expect(record?.video?.durationSeconds).toBe(12.021)
  })

  it('is a text lesson with its written length when no video is named', () => {
    const record = microLessonToPublicRecord({ ...microLesson, video: null, durationSeconds: 300 }, lookups)
    expect(record?.video).toBeNull()
    expect(record?.videoPending).toBe(false)
    expect(record?.durationMinutes).toBe(5)
  })

  it('marks a named video that is not transcoded yet as pending, with the written length', () => {
    const record = microLessonToPublicRecord({ ...microLesson, durationSeconds: 300 }, fakeRecordLookups())
    expect(record?.video).toBeNull()
    expect(record?.videoPending).toBe(true)
    expect(record?.durationMinutes).toBe(5)
  })

  it('maps nothing of a draft', () => {
    expect(microLessonToPublicRecord({ ...microLesson, _status: 'draft' }, lookups)).toBeUndefined()
  })

  it('has a fixture with exactly the fields of the collection, so a renamed field fails here too', () => {
    expect(fieldMismatchOf(MicroLessons, microLesson)).toEqual({ missingFromFixture: [], notInCollection: [] })
  })
})
