import { readPublishedContent, readPublishedRecords } from '@gongyu/cms/publishing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

let t: TestPayload
let theme: string | number

beforeAll(async () => {
  t = await startTestPayload()
  theme = (await t.payload.create({ collection: 'themes', data: { ...validData('themes', { theme: 0 }), name: '亲子沟通', slug: 'communication' } as never }))
    .id
})
afterAll(async () => {
  await t?.close()
})

describe('the public content contract', () => {
  it('maps a published lesson to a record with the public fields only', async () => {
    const data: Record<string, unknown> = {
      ...validData('lessons', { theme }),
      title: '公开课程',
      grade: 'p3',
      sequence: 5,
      _status: 'published',
      reviewNote: '内部意见不应外泄',
    }
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
    const draft = await t.payload.create({
      collection: 'case-studies',
      data: { ...validData('case-studies', { theme }), title: '草稿案例' } as never,
      draft: true,
    })
    const published = await t.payload.create({
      collection: 'case-studies',
      data: { ...validData('case-studies', { theme }), title: '已发布案例', _status: 'published' } as never,
    })
    let titles = (await readPublishedRecords(t.payload)).map((record) => record.title)
    expect(titles).toContain('已发布案例')
    expect(titles).not.toContain('草稿案例')

    await t.payload.update({ collection: 'case-studies', id: published.id, data: { _status: 'draft' } as never })
    titles = (await readPublishedRecords(t.payload)).map((record) => record.title)
    expect(titles).not.toContain('已发布案例')
    expect(draft.id).toBeDefined()
  })

  it('keeps the published text when a published item has a newer draft', async () => {
    const doc = await t.payload.create({
      collection: 'activity-plans',
      data: { ...validData('activity-plans', { theme }), title: '发布版标题', _status: 'published' } as never,
    })
    await t.payload.update({ collection: 'activity-plans', id: doc.id, data: { title: '草稿版标题' } as never, draft: true })
    const titles = (await readPublishedRecords(t.payload)).map((record) => record.title)
    expect(titles).toContain('发布版标题')
    expect(titles).not.toContain('草稿版标题')
  })

  it('gives the page its sections as escaped HTML, so hostile text stays text', async () => {
    const hostile = '<img src=x onerror=alert(1)>'
    const data: Record<string, unknown> = {
      ...validData('lessons', { theme }),
      title: `安全 ${hostile}`,
      objectives: [{ text: hostile }],
      reflectionQuestions: [{ text: '孩子最近开心吗？' }],
      _status: 'published',
    }
    await t.payload.create({ collection: 'lessons', data: data as never })
    const record = (await readPublishedRecords(t.payload)).find((candidate) => candidate.slug === data.slug)
    expect(record?.sections.map((section) => section.key)).toEqual(['objectives', 'body', 'practice', 'reflection'])
    const html = record?.sections.map((section) => section.html).join('') ?? ''
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('<img')
    expect(record?.sections.find((section) => section.key === 'practice')?.heading).toBe('亲子练习：小练习')
  })

  it('links a micro-lesson and its lesson both ways, and leaves drafts out of relations', async () => {
    const lesson = await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), _status: 'published' } as never })
    const micro = await t.payload.create({
      collection: 'micro-lessons',
      data: { ...validData('micro-lessons', { theme, lesson: lesson.id }), _status: 'published' } as never,
    })
    await t.payload.create({
      collection: 'lesson-plans',
      data: { ...validData('lesson-plans', { theme, lesson: lesson.id }), title: '草稿教案' } as never,
      draft: true,
    })
    const records = await readPublishedRecords(t.payload)
    const lessonRecord = records.find((record) => record.slug === (lesson as { slug?: string }).slug)
    const microRecord = records.find((record) => record.slug === (micro as { slug?: string }).slug)
    expect(microRecord?.related).toEqual([lessonRecord?.id])
    expect(lessonRecord?.related).toEqual([microRecord?.id])
    expect(microRecord?.presenter).toBe('县家长学校讲师团')
  })

  it('exports published course lists with their items in order, and no draft lists', async () => {
    const lesson = await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), _status: 'published' } as never })
    const draftLesson = await t.payload.create({ collection: 'lessons', data: validData('lessons', { theme }) as never, draft: true })
    const items = [
      { resource: { relationTo: 'lessons', value: draftLesson.id }, note: '草稿不应出现' },
      { resource: { relationTo: 'lessons', value: lesson.id }, date: '2026-09-12T00:00:00.000Z', note: '开学第二周' },
    ]
    await t.payload.create({
      collection: 'course-lists',
      data: { ...validData('course-lists', { theme, organization: t.organizations.a }), title: '公开清单', items, _status: 'published' } as never,
    })
    await t.payload.create({
      collection: 'course-lists',
      data: { ...validData('course-lists', { theme, organization: t.organizations.a }), title: '草稿清单', items } as never,
      draft: true,
    })
    const content = await readPublishedContent(t.payload)
    expect(content.courseLists.map((list) => list.title)).toEqual(['公开清单'])
    expect(content.courseLists[0]).toMatchObject({
      organization: 'org-a',
      items: [{ recordId: `lesson:${String((lesson as { slug?: string }).slug)}`, date: '2026-09-12', note: '开学第二周' }],
    })
    expect(content.organizations.map((organization) => organization.slug)).toEqual(expect.arrayContaining(['org-a', 'org-b']))
    expect(JSON.stringify(content)).not.toContain('草稿')
  })
})
