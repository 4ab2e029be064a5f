import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { Meilisearch } from 'meilisearch'
import { machineLacks } from '../setup/machineCapabilities.ts'
import { FakeMeilisearch } from '../helpers/fakeMeilisearch.ts'
import { freePort } from '../helpers/freePort.ts'
import { testMeilisearch, uniqueIndexUid, type TestMeilisearch } from '../helpers/meilisearch.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

// Publishing, unpublishing and deleting change search results without a restart: in the
// CMS's embedded engine at once, and in a real Meilisearch (tests/helpers/meilisearch.ts) through retried jobs.
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

/** Points the CMS's search settings at a server for one describe block, and puts them back afterwards. */
function useMeiliEnvironment(): { set: (host: string, apiKey: string | undefined, indexUid: string) => void; restore: () => void } {
  const saved = { MEILI_HOST: process.env.MEILI_HOST, MEILI_ADMIN_KEY: process.env.MEILI_ADMIN_KEY, MEILI_INDEX: process.env.MEILI_INDEX }
  return {
    set: (host, apiKey, indexUid) => {
      process.env.MEILI_HOST = host
      if (apiKey === undefined) delete process.env.MEILI_ADMIN_KEY
      else process.env.MEILI_ADMIN_KEY = apiKey
      process.env.MEILI_INDEX = indexUid
    },
    restore: () => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    },
  }
}

async function pendingSyncJobs(): Promise<number> {
  const { totalDocs } = await t.payload.count({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'syncSearchRecord' } }, { completedAt: { exists: false } }] },
  })
  return totalDocs
}

/** Runs the search queue once after the retry delay has passed (tests shorten it to 1 ms). */
async function runSearchJobs(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20))
  await t.payload.jobs.run({ queue: 'search' })
}

if (machineLacks('meilisearch')) {
  console.warn(
    '\n⚠ Live Meilisearch sync tests SKIPPED: no Meilisearch (set MEILI_BIN to the server binary, or MEILI_HOST to a running server; see docs/testing.md).\n',
  )
}

describe.skipIf(machineLacks('meilisearch'))('Meilisearch sync through the job queue (live server)', () => {
  let server: TestMeilisearch
  let client: Meilisearch
  const environment = useMeiliEnvironment()
  const indexUid = uniqueIndexUid('sync')

  beforeAll(async () => {
    server = await testMeilisearch()
    client = new Meilisearch({ host: server.host, apiKey: server.apiKey })
    environment.set(server.host, server.apiKey, indexUid)
  })
  afterAll(async () => {
    environment.restore()
    // A server this file started goes with its data folder; on one MEILI_HOST names, the test's index is removed.
    if (server && !server.owned) await client.deleteIndex(indexUid).waitTask({ timeout: 30_000 })
    await server?.stop()
  })

  async function storedKeys(): Promise<string[]> {
    const exists = await client
      .index(indexUid)
      .getRawInfo()
      .then(
        () => true,
        () => false,
      )
    if (!exists) return []
    const { results } = await client.index(indexUid).getDocuments({ fields: ['key'], limit: 1000 })
    return results.map((document) => String(document.key)).sort()
  }

  async function createPublishedLesson(slug: string) {
    return t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), slug, _status: 'published' } as never })
  }

  it('queues a job on publish instead of indexing inline, then indexes it so it can be found', async () => {
    await t.payload.create({
      collection: 'micro-lessons',
      data: {
        ...validData('micro-lessons', {
          theme,
          lesson: (await t.payload.create({ collection: 'lessons', data: validData('lessons', { theme }) as never, draft: true })).id,
        }),
        slug: 'micro-live',
        title: '鸡毛掸子与家务分工',
        _status: 'published',
      } as never,
    })
    expect(await pendingSyncJobs()).toBe(1)
    expect(await storedKeys()).toEqual([])
    await runSearchJobs()
    expect(await pendingSyncJobs()).toBe(0)
    expect(await storedKeys()).toEqual(['micro-lesson__micro-live'])
    const { hits } = await client.index(indexUid).search('鸡毛掸子', { locales: ['cmn'] })
    expect(hits.map((hit) => hit.key)).toEqual(['micro-lesson__micro-live'])
  })

  it('loses nothing while the server is down: the job waits and runs when it is back', async () => {
    // The server this file started is stopped and started again on its data; one MEILI_HOST names is swapped for a closed port.
    if (server.owned) await server.pause()
    else environment.set(`http://127.0.0.1:${await freePort()}`, server.apiKey, indexUid)
    await createPublishedLesson('lesson-during-outage')
    await runSearchJobs()
    expect(await pendingSyncJobs()).toBe(1)
    if (server.owned) await server.restart()
    else environment.set(server.host, server.apiKey, indexUid)
    await runSearchJobs()
    expect(await pendingSyncJobs()).toBe(0)
    expect(await storedKeys()).toContain('lesson__lesson-during-outage')
  })

  it('removes an unpublished item and a deleted one', async () => {
    const unpublished = await createPublishedLesson('lesson-to-unpublish')
    const deleted = await createPublishedLesson('lesson-to-delete')
    await runSearchJobs()
    expect(await storedKeys()).toEqual(expect.arrayContaining(['lesson__lesson-to-unpublish', 'lesson__lesson-to-delete']))
    await t.payload.update({ collection: 'lessons', id: unpublished.id, data: { _status: 'draft' } as never })
    await t.payload.delete({ collection: 'lessons', id: deleted.id })
    await runSearchJobs()
    const keys = await storedKeys()
    expect(keys).not.toContain('lesson__lesson-to-unpublish')
    expect(keys).not.toContain('lesson__lesson-to-delete')
  })
})

// A task that the server accepts and then fails (a full disk) cannot be made to happen on a real server on demand,
// so this one case uses the in-process stand-in.
describe('Meilisearch sync: a failed indexing task (stand-in server)', () => {
  let fake: FakeMeilisearch
  const environment = useMeiliEnvironment()

  beforeAll(async () => {
    fake = await new FakeMeilisearch().start()
    environment.set(fake.url, 'admin-key', 'gongyu-sync-failure')
  })
  afterAll(async () => {
    environment.restore()
    await fake.stop()
  })

  it('retries a failed Meilisearch task rather than dropping the update', async () => {
    const documents = () => [...(fake.indexes.get('gongyu-sync-failure')?.documents.keys() ?? [])]
    await t.payload.create({
      collection: 'lessons',
      data: { ...validData('lessons', { theme }), slug: 'lesson-task-failure', _status: 'published' } as never,
    })
    fake.failDocumentTasks = true
    await runSearchJobs()
    expect(await pendingSyncJobs()).toBe(1)
    fake.failDocumentTasks = false
    await runSearchJobs()
    expect(await pendingSyncJobs()).toBe(0)
    expect(documents()).toContain('lesson__lesson-task-failure')
  })
})
