import { Meilisearch, type Task } from 'meilisearch'
import { ensureSearchKey, MeiliSearchEngine, tenantTokenFor } from '@gongyu/search/server'
import { parseSearchQuery } from '@gongyu/search'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicRecord } from '../fixtures/publicRecords.ts'
import { FakeMeilisearch } from '../helpers/fakeMeilisearch.ts'
import { freePort } from '../helpers/freePort.ts'
import { testMeilisearch, uniqueIndexUid, type TestMeilisearch } from '../helpers/meilisearch.ts'
import { machineLacks } from '../setup/machineCapabilities.ts'

// The adapter against a real Meilisearch (tests/helpers/meilisearch.ts): what the server stores, answers and refuses.
const records = [
  publicRecord({ slug: 'p3-01-phone', title: '孩子玩手机停不下来怎么办', summary: '屏幕时间约定', themes: ['digital-literacy'], themeNames: ['网络素养'] }),
  publicRecord({
    slug: 'k1-02-hostile',
    title: '<img src=x onerror=alert(1)>手机',
    grades: ['k1'],
    stages: ['kindergarten'],
    gradeOrder: 1,
    summary: '\uE000标记\uE001不应留下',
  }),
  publicRecord({ slug: 'case-left-behind', type: 'case-study', title: '留守孩子的周末', familySituations: ['left-behind'], sequence: null }),
]

if (machineLacks('meilisearch')) {
  console.warn(
    '\n⚠ Live Meilisearch adapter tests SKIPPED: no Meilisearch (set MEILI_BIN to the server binary, or MEILI_HOST to a running server; see docs/testing.md).\n',
  )
}

describe.skipIf(machineLacks('meilisearch'))('Meilisearch adapter against a real server', () => {
  let server: TestMeilisearch
  let admin: Meilisearch
  let engine: MeiliSearchEngine
  const INDEX = uniqueIndexUid('adapter')

  beforeAll(async () => {
    server = await testMeilisearch()
    admin = new Meilisearch({ host: server.host, apiKey: server.apiKey })
    engine = new MeiliSearchEngine({ host: server.host, apiKey: server.apiKey, indexUid: INDEX })
  })
  afterAll(async () => {
    if (server && !server.owned) {
      await admin.deleteIndex(INDEX).waitTask({ timeout: 30_000 })
      const { results } = await admin.getKeys({ limit: 1000 })
      for (const key of results.filter((entry) => entry.indexes.includes(INDEX))) await admin.deleteKey(key.uid)
    }
    await server?.stop()
  })

  const tasksOf = async (indexUid: string): Promise<Task[]> => (await admin.tasks.getTasks({ indexUids: [indexUid], limit: 1000 })).results

  it('creates the index once and applies its settings idempotently, with a Chinese locale the server accepts', async () => {
    await engine.prepareIndex()
    const first = await admin.index(INDEX).getSettings()
    await engine.prepareIndex()
    expect(await admin.index(INDEX).getSettings()).toEqual(first)
    expect((await tasksOf(INDEX)).filter((task) => task.type === 'indexCreation')).toHaveLength(1)
    expect(first.localizedAttributes?.[0]?.locales).toEqual(['cmn'])
    expect(first.filterableAttributes).toEqual(expect.arrayContaining(['type', 'grades', 'themes', 'familySituations']))
    expect(first.sortableAttributes).toEqual(expect.arrayContaining(['gradeOrder', 'publishedAtTimestamp']))
    expect(first.synonyms?.老人).toContain('祖辈')
    expect(first.synonyms?.祖辈).toContain('老人')
  })

  it('stores documents under valid ids, with derived matching fields and no highlight markers in content', async () => {
    await engine.upsert(records)
    const { results } = await admin.index(INDEX).getDocuments<Record<string, string>>({ limit: 10 })
    expect(results.map((document) => document.key).sort()).toEqual(['case-study__case-left-behind', 'lesson__k1-02-hostile', 'lesson__p3-01-phone'])
    const phone = results.find((document) => document.key === 'lesson__p3-01-phone')
    expect(String(phone?.chunks).split(' ')).toEqual(expect.arrayContaining(['手机', '孩子']))
    expect(phone?.pinyin).toContain('shouji')
    expect(results.find((document) => document.key === 'lesson__k1-02-hostile')?.summary).toBe('标记不应留下')
  })

  it('searches with filters, facets and sort, and returns escaped highlights', async () => {
    const response = await engine.search(parseSearchQuery({ q: '手机', grade: 'k1,p3', type: 'lesson', sort: 'grade' }))
    expect(response.engine).toBe('meilisearch')
    expect(response.hits.map((hit) => hit.slug)).toEqual(['k1-02-hostile', 'p3-01-phone'])
    expect(response.total).toBe(2)
    expect(response.facets.grade).toEqual({ k1: 1, p3: 1 })
    const hostile = response.hits.find((hit) => hit.slug === 'k1-02-hostile')
    expect(hostile?.titleHtml).toBe('&lt;img src=x onerror=alert(1)&gt;<mark>手机</mark>')
    expect(response.hits.map((hit) => hit.titleHtml).join('')).not.toContain('<img')
  })

  it('finds Simplified titles from a Traditional query, and a grade named in the query first', async () => {
    const traditional = await engine.search(parseSearchQuery({ q: '玩手機' }))
    expect(traditional.hits[0]?.slug).toBe('p3-01-phone')
    const named = await engine.search(parseSearchQuery({ q: '小班 手机' }))
    expect(named.hits.map((hit) => hit.slug)).toEqual(['k1-02-hostile', 'p3-01-phone'])
  })

  it('removes documents by record id', async () => {
    await engine.remove(['case-study:case-left-behind'])
    await expect(admin.index(INDEX).getDocument('case-study__case-left-behind')).rejects.toMatchObject({ cause: { code: 'document_not_found' } })
  })

  it('reindexes into a fresh index, settings before documents, then swaps it in and deletes the old one', async () => {
    const before = (await admin.tasks.getTasks({ limit: 1 })).results[0]?.uid ?? -1
    await engine.replaceAll(records.slice(0, 1))
    const tasks = (await admin.tasks.getTasks({ limit: 1000 })).results.filter((task) => task.uid > before).reverse()
    const swap = tasks.find((task) => task.type === 'indexSwap')
    const fresh = swap?.details?.swaps?.[0]?.indexes.find((uid) => uid !== INDEX)
    expect(fresh).toMatch(new RegExp(`^${INDEX}-\\d+$`))
    // The swap also swaps the index names in the task history, so the order is read from all of this reindex's tasks.
    const types = tasks.map((task) => task.type)
    expect(types.lastIndexOf('settingsUpdate')).toBeGreaterThan(-1)
    expect(types.lastIndexOf('settingsUpdate')).toBeLessThan(types.indexOf('documentAdditionOrUpdate'))
    expect(types.indexOf('documentAdditionOrUpdate')).toBeLessThan(types.indexOf('indexSwap'))
    expect(tasks.every((task) => task.status === 'succeeded')).toBe(true)
    const { results } = await admin.index(INDEX).getDocuments<{ key: string }>({ fields: ['key'] })
    expect(results.map((document) => document.key)).toEqual(['lesson__p3-01-phone'])
    const { results: indexes } = await admin.getIndexes({ limit: 1000 })
    expect(indexes.map((index) => index.uid)).not.toContain(fresh)
  })

  it('gives browsers a search-only key for the public index, created once, that can search and nothing else', async () => {
    const first = await ensureSearchKey(admin, INDEX)
    const second = await ensureSearchKey(admin, INDEX)
    expect(second).toEqual(first)
    expect(await admin.getKey(first.uid)).toMatchObject({ actions: ['search'], indexes: [INDEX], expiresAt: null })
    const browser = new Meilisearch({ host: server.host, apiKey: first.key })
    expect((await browser.index(INDEX).search('手机', { locales: ['cmn'] })).hits.length).toBeGreaterThan(0)
    await expect(browser.index(INDEX).addDocuments([{ key: 'x' }])).rejects.toMatchObject({ cause: { code: 'invalid_api_key' } })
  })

  it('signs tenant tokens the server accepts for the public index only', async () => {
    const token = await tenantTokenFor(await ensureSearchKey(admin, INDEX), INDEX, 60)
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
    expect(claims.searchRules).toEqual({ [INDEX]: null })
    expect(Number(claims.exp)).toBeGreaterThan(Date.now() / 1000)
    const browser = new Meilisearch({ host: server.host, apiKey: token })
    expect((await browser.index(INDEX).search('手机', { locales: ['cmn'] })).hits.length).toBeGreaterThan(0)
    await expect(browser.index(`${INDEX}-other`).search('手机')).rejects.toMatchObject({ cause: { code: 'invalid_api_key' } })
  })

  it('reports a server that does not answer as an error, so the job queue retries', async () => {
    const unreachable = new MeiliSearchEngine({ host: `http://127.0.0.1:${await freePort()}`, apiKey: server.apiKey, indexUid: INDEX })
    await expect(unreachable.remove(['lesson:p3-01-phone'])).rejects.toThrow()
  })
})

// A task the server accepts and then fails (a full disk) cannot be made on demand on a real server: the stand-in does it.
describe('Meilisearch adapter: a failed task (stand-in server)', () => {
  let fake: FakeMeilisearch

  beforeAll(async () => {
    fake = await new FakeMeilisearch().start()
  })
  afterAll(async () => {
    await fake.stop()
  })

  it('checks task status: a failed task is an error, not a silent success', async () => {
    fake.failDocumentTasks = true
    const engine = new MeiliSearchEngine({ host: fake.url, apiKey: 'admin-key', indexUid: 'gongyu-test' })
    await expect(engine.upsert(records.slice(0, 1))).rejects.toMatchObject({ name: 'MeiliTaskError', status: 'failed' })
  })
})
