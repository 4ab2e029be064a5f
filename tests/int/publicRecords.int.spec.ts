import { readPublishedRecords } from '@gongyu/cms/publishing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

let t: TestPayload
let theme: string | number

beforeAll(async () => {
  t = await startTestPayload()
  theme = (await t.payload.create({ collection: 'themes', data: { ...validData('themes', { theme: 0 }), name: '亲子沟通', slug: 'communication' } as never })).id
})
afterAll(async () => {
  await t?.close()
})

describe('the public content contract', () => {
  it('maps a published lesson to a record with the public fields only', async () => {
    const data: Record<string, unknown> = { ...validData('lessons', { theme }), title: '公开课程', grade: 'p3', sequence: 5, _status: 'published', reviewNote: '内部意见不应外泄' }
    await t.payload.create({ collection: 'lessons', data: data as never })
    const record = (await readPublishedRecords(t.payload)).find((candidate) => candidate.title === '公开课程')
    expect(record).toMatchObject({
      id: `lesson:${String(data.slug)}`,
      type: 'lesson',
      url: `/lessons/${String(data.slug)}/`,
      stages: ['primary'],
      grades: ['p3'],
      gradeOrder: 6,
      themes: ['communication'],
      themeNames: ['亲子沟通'],
      category: 'basic',
      durationMinutes: 30,
    })
    expect(record?.bodyText).toContain('小练习')
    expect(JSON.stringify(record)).not.toContain('内部意见不应外泄')
    expect(Object.keys(record ?? {})).not.toEqual(expect.arrayContaining(['reviewState', '_status']))
  })

  it('never includes drafts, and drops an item once it is unpublished', async () => {
    const draft = await t.payload.create({ collection: 'case-studies', data: { ...validData('case-studies', { theme }), title: '草稿案例' } as never, draft: true })
    const published = await t.payload.create({ collection: 'case-studies', data: { ...validData('case-studies', { theme }), title: '已发布案例', _status: 'published' } as never })
    let titles = (await readPublishedRecords(t.payload)).map((record) => record.title)
    expect(titles).toContain('已发布案例')
    expect(titles).not.toContain('草稿案例')

    await t.payload.update({ collection: 'case-studies', id: published.id, data: { _status: 'draft' } as never })
    titles = (await readPublishedRecords(t.payload)).map((record) => record.title)
    expect(titles).not.toContain('已发布案例')
    expect(draft.id).toBeDefined()
  })

  it('keeps the published text when a published item has a newer draft', async () => {
    const doc = await t.payload.create({ collection: 'activity-plans', data: { ...validData('activity-plans', { theme }), title: '发布版标题', _status: 'published' } as never })
    await t.payload.update({ collection: 'activity-plans', id: doc.id, data: { title: '草稿版标题' } as never, draft: true })
    const titles = (await readPublishedRecords(t.payload)).map((record) => record.title)
    expect(titles).toContain('发布版标题')
    expect(titles).not.toContain('草稿版标题')
  })
})
