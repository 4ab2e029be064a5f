import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { FakeMeilisearch } from '../helpers/fakeMeilisearch.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

// Publishing, unpublishing and deleting change search results without a restart: in the
// CMS's embedded engine at once, and in Meilisearch through retried jobs.
let t: TestPayload
let theme: string | number

async function searchTitles(q: string): Promise<string[]> {
  const { status, json } = await t.rest('GET', `/search?q=${encodeURIComponent(q)}`)
  expect(status).toBe(200)
  return (json.hits as { title: string }[]).map((hit) => hit.title)
}

beforeAll(async () => {
  t = await startTestPayload()
  theme = (await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })).id
})
afterAll(async () => {
  await t?.close()
})

describe('the CMS search endpoint (embedded engine)', () => {
  it('finds published items only, and follows publish, unpublish, rename and delete without a restart', async () => {
    const lesson = await t.payload.create({
      collection: 'lessons',
      data: { ...validData('lessons', { theme }), title: '鸡毛信里的家书' } as never,
      draft: true,
    })
    expect(await searchTitles('鸡毛信')).toEqual([])

    await t.payload.update({ collection: 'lessons', id: lesson.id, data: { _status: 'published' } as never })
    expect(await searchTitles('鸡毛信')).toEqual(['鸡毛信里的家书'])

    await t.payload.update({ collection: 'lessons', id: lesson.id, data: { title: '鸡毛信里的家书（草稿改动）' } as never, draft: true })
    expect(await searchTitles('鸡毛信')).toEqual(['鸡毛信里的家书'])

    await t.payload.update({ collection: 'lessons', id: lesson.id, data: { slug: 'renamed-chicken-feather', _status: 'published' } as never })
    const { json } = await t.rest('GET', `/search?q=${encodeURIComponent('鸡毛信')}`)
    expect(json.hits.map((hit: { id: string }) => hit.id)).toEqual(['lesson:renamed-chicken-feather'])

    await t.payload.update({ collection: 'lessons', id: lesson.id, data: { _status: 'draft' } as never })
    expect(await searchTitles('鸡毛信')).toEqual([])

    await t.payload.update({ collection: 'lessons', id: lesson.id, data: { _status: 'published' } as never })
    expect(await searchTitles('鸡毛信')).toHaveLength(1)
    await t.payload.delete({ collection: 'lessons', id: lesson.id })
    expect(await searchTitles('鸡毛信')).toEqual([])
  })

  it.each([
    ['a 2,000-character query', `q=${'家'.repeat(2000)}`, 'q', '太长'],
    ['an unknown grade', 'q=手机&grade=p9', 'grade', '未知的年级'],
    ['filter syntax in a filter value', `q=手机&type=${encodeURIComponent('lesson" OR type = "case-study')}`, 'type', '未知的类型'],
    ['parentheses in a theme', `theme=${encodeURIComponent('(a) OR b')}`, 'theme', '未知的主题'],
    ['a page out of range', 'q=手机&page=101', 'page', '页码'],
    ['a page that is not a number', 'q=手机&page=abc', 'page', '页码'],
    ['a page size of zero', 'q=手机&pageSize=0', 'pageSize', '每页条数'],
    ['an unknown sort', 'q=手机&sort=popular', 'sort', '未知的排序方式'],
  ])('answers %s with a 400 and a Chinese message', async (_label, query, field, message) => {
    const { status, json } = await t.rest('GET', `/search?${query}`)
    expect(status).toBe(400)
    expect(json.errors[0].field).toBe(field)
    expect(json.errors[0].message).toContain(message)
  })

  it('treats an empty query as browsing, and keeps HTML from content and query out of highlights', async () => {
    await t.payload.create({
      collection: 'lessons',
      data: { ...validData('lessons', { theme }), title: '<img src=x onerror=alert(1)>家长课', _status: 'published' } as never,
    })
    const browse = await t.rest('GET', '/search?q=')
    expect(browse.status).toBe(200)
    expect(browse.json.total).toBeGreaterThan(0)
    const { status, json } = await t.rest('GET', `/search?q=${encodeURIComponent('<img src=x onerror=alert(1)>家长课')}`)
    expect(status).toBe(200)
    const html = json.hits.map((hit: { titleHtml: string; snippetHtml: string }) => hit.titleHtml + hit.snippetHtml).join('')
    expect(json.hits.length).toBeGreaterThan(0)
    expect(html).not.toMatch(/<(?!\/?mark>)/)
    expect(html).toContain('&lt;')
  })
})

describe('Meilisearch sync through the job queue', () => {
  let fake: FakeMeilisearch
  const saved = { host: process.env.MEILI_HOST, key: process.env.MEILI_ADMIN_KEY, index: process.env.MEILI_INDEX }

  beforeAll(async () => {
    fake = await new FakeMeilisearch().start()
    process.env.MEILI_HOST = fake.url
    process.env.MEILI_ADMIN_KEY = 'admin-key'
    process.env.MEILI_INDEX = 'gongyu-sync-test'
  })
  afterAll(async () => {
    for (const [name, value] of [
      ['MEILI_HOST', saved.host],
      ['MEILI_ADMIN_KEY', saved.key],
      ['MEILI_INDEX', saved.index],
    ] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    await fake.stop()
  })

  async function pendingSyncJobs(): Promise<number> {
    const { totalDocs } = await t.payload.count({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'syncSearchRecord' } }, { completedAt: { exists: false } }] },
    })
    return totalDocs
  }

  const documents = () => [...(fake.indexes.get('gongyu-sync-test')?.documents.keys() ?? [])]

  it('queues a job on publish instead of calling Meilisearch inline, and loses nothing during an outage', async () => {
    await t.payload.create({
      collection: 'micro-lessons',
      data: {
        ...validData('micro-lessons', {
          theme,
          lesson: (await t.payload.create({ collection: 'lessons', data: validData('lessons', { theme }) as never, draft: true })).id,
        }),
        slug: 'micro-outage',
        _status: 'published',
      } as never,
    })
    expect(fake.requests.filter((request) => request.path.includes('/documents'))).toHaveLength(0)
    expect(await pendingSyncJobs()).toBe(1)

    fake.down = true
    await t.payload.jobs.run({ queue: 'search' })
    expect(documents()).toEqual([])
    expect(await pendingSyncJobs()).toBe(1)

    fake.down = false
    await new Promise((resolve) => setTimeout(resolve, 20))
    await t.payload.jobs.run({ queue: 'search' })
    expect(await pendingSyncJobs()).toBe(0)
    expect(documents()).toEqual(['micro-lesson__micro-outage'])
  })

  it('retries a failed Meilisearch task rather than dropping the update', async () => {
    const lesson = await t.payload.create({
      collection: 'lessons',
      data: { ...validData('lessons', { theme }), slug: 'lesson-task-failure', _status: 'published' } as never,
    })
    fake.failDocumentTasks = true
    await t.payload.jobs.run({ queue: 'search' })
    expect(await pendingSyncJobs()).toBe(1)
    fake.failDocumentTasks = false
    await new Promise((resolve) => setTimeout(resolve, 20))
    await t.payload.jobs.run({ queue: 'search' })
    expect(documents()).toContain('lesson__lesson-task-failure')

    await t.payload.update({ collection: 'lessons', id: lesson.id, data: { _status: 'draft' } as never })
    await t.payload.jobs.run({ queue: 'search' })
    expect(documents()).not.toContain('lesson__lesson-task-failure')
  })

  it('removes a deleted item', async () => {
    const lesson = await t.payload.create({
      collection: 'lessons',
      data: { ...validData('lessons', { theme }), slug: 'lesson-to-delete', _status: 'published' } as never,
    })
    await t.payload.jobs.run({ queue: 'search' })
    expect(documents()).toContain('lesson__lesson-to-delete')
    await t.payload.delete({ collection: 'lessons', id: lesson.id })
    await t.payload.jobs.run({ queue: 'search' })
    expect(documents()).not.toContain('lesson__lesson-to-delete')
  })
})
