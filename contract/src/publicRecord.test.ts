import { describe, expect, it } from 'vitest'
import { type PublicRecord, publicRecordSchema, publishedContentSchema } from './publicRecord.ts'
import { recordId, urlFor } from './urls.ts'

function lessonRecord(overrides: Partial<PublicRecord> = {}): PublicRecord {
  return {
    id: recordId('lesson', 'p3-reading'),
    type: 'lesson',
    slug: 'p3-reading',
    url: urlFor('lesson', 'p3-reading'),
    title: '陪孩子读书',
    summary: '每天二十分钟',
    bodyText: '正文',
    stages: ['primary'],
    grades: ['p3'],
    gradeOrder: 6,
    themes: ['reading'],
    themeNames: ['阅读'],
    audience: ['parents', 'grandparents'],
    category: 'basic',
    durationMinutes: 45,
    familySituations: [],
    publishedAt: '2026-09-01T00:00:00.000Z',
    sequence: 5,
    month: null,
    occasion: null,
    sections: [{ key: 'body', heading: '正文', html: '<p>正文</p>' }],
    related: [],
    presenter: null,
    video: null,
    ...overrides,
  }
}

describe('publicRecordSchema', () => {
  it('accepts a complete lesson record and keeps its fields', () => {
    const record = lessonRecord()
    expect(publicRecordSchema.parse(record)).toEqual(record)
  })

  it('refuses codes outside the vocabulary, naming the field', () => {
    const result = publicRecordSchema.safeParse({ ...lessonRecord(), grades: ['grade-3'] })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['grades', 0])
    expect(publicRecordSchema.safeParse({ ...lessonRecord(), type: 'webinar' }).success).toBe(false)
  })

  it('refuses an absolute or missing page URL and a month outside 1–12', () => {
    expect(publicRecordSchema.safeParse(lessonRecord({ url: 'https://evil.example/' })).success).toBe(false)
    expect(publicRecordSchema.safeParse(lessonRecord({ month: 13 })).success).toBe(false)
    const { url: _url, ...withoutUrl } = lessonRecord()
    expect(publicRecordSchema.safeParse(withoutUrl).success).toBe(false)
  })

  it('carries whether a lesson is core, and still reads records from before the mark', () => {
    expect(publicRecordSchema.parse(lessonRecord({ core: true })).core).toBe(true)
    expect(publicRecordSchema.parse(lessonRecord({ core: false })).core).toBe(false)
    expect(publicRecordSchema.parse(lessonRecord()).core).toBeUndefined()
    expect(publicRecordSchema.safeParse({ ...lessonRecord(), core: 'yes' }).success).toBe(false)
  })

  it('validates a whole export, including an empty one', () => {
    const empty = { generatedAt: '2026-12-01T00:00:00.000Z', records: [], themes: [], organizations: [], courseLists: [] }
    expect(publishedContentSchema.parse(empty)).toEqual(empty)
    expect(publishedContentSchema.safeParse({ ...empty, records: [lessonRecord({ title: '' })] }).success).toBe(false)
  })
})

describe('site URLs', () => {
  it('builds each section and encodes the slug', () => {
    expect(urlFor('case-study', '隔代 教养')).toBe('/cases/%E9%9A%94%E4%BB%A3%20%E6%95%99%E5%85%BB/')
    expect(urlFor('activity-plan', 'x')).toBe('/activities/x/')
    expect(recordId('micro-lesson', 'a')).toBe('micro-lesson:a')
  })
})
