import { MeiliSearchEngine } from '@gongyu/search/server'
import { ensureSearchKey, tenantTokenFor } from '@gongyu/search/server'
import { parseSearchQuery } from '@gongyu/search'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { publicRecord } from '../fixtures/publicRecords.ts'
import { FakeMeilisearch } from '../helpers/fakeMeilisearch.ts'

// The adapter's HTTP calls, checked against Meilisearch's documented API without a server.
const INDEX = 'gongyu-test'
let fake: FakeMeilisearch
let engine: MeiliSearchEngine

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

beforeAll(async () => {
  fake = await new FakeMeilisearch().start()
  engine = new MeiliSearchEngine({ host: fake.url, apiKey: 'admin-key', indexUid: INDEX })
})
afterAll(async () => {
  await fake.stop()
})
afterEach(() => {
  fake.down = false
  fake.failDocumentTasks = false
})

describe('Meilisearch adapter against the documented API', () => {
  it('creates the index and applies settings idempotently, with a valid Chinese locale', async () => {
    await engine.prepareIndex()
    await engine.prepareIndex()
    expect(fake.calls('POST /indexes')).toHaveLength(1)
    const settings = fake.calls(`PATCH /indexes/${INDEX}/settings`)
    expect(settings).toHaveLength(2)
    expect(settings[1]?.body).toEqual(settings[0]?.body)
    // biome-ignore lint/suspicious/noExplicitAny: the settings body is arbitrary JSON the assertions below check
    const body = settings[0]?.body as Record<string, any>
    expect(body.localizedAttributes[0].locales).toEqual(['cmn'])
    expect(body.filterableAttributes).toEqual(expect.arrayContaining(['type', 'grades', 'themes', 'familySituations']))
    expect(body.sortableAttributes).toEqual(expect.arrayContaining(['gradeOrder', 'publishedAtTimestamp']))
    expect(body.synonyms.老人).toContain('祖辈')
    expect(body.synonyms.祖辈).toContain('老人')
    expect(fake.requests.every((request) => request.authorization === 'Bearer admin-key')).toBe(true)
  })

  it('adds documents under valid ids, with derived matching fields and no highlight markers in content', async () => {
    await engine.upsert(records)
    const stored = fake.indexes.get(INDEX)?.documents
    expect([...(stored?.keys() ?? [])].sort()).toEqual(['case-study__case-left-behind', 'lesson__k1-02-hostile', 'lesson__p3-01-phone'])
    const phone = stored?.get('lesson__p3-01-phone') as Record<string, string>
    expect(String(phone.chunks).split(' ')).toEqual(expect.arrayContaining(['手机', '孩子']))
    expect(phone.pinyin).toContain('shouji')
    expect(String((stored?.get('lesson__k1-02-hostile') as Record<string, string>).summary)).toBe('标记不应留下')
    expect(fake.calls(`GET /tasks/${fake.calls(`POST /indexes/${INDEX}/documents`).length}`)).toBeDefined()
  })

  it('checks task status: a failed task is an error, not a silent success', async () => {
    fake.failDocumentTasks = true
    await expect(engine.upsert(records.slice(0, 1))).rejects.toMatchObject({ name: 'MeiliTaskError', status: 'failed' })
  })

  it('reports an outage as an error so the job queue retries', async () => {
    fake.down = true
    await expect(engine.remove(['lesson:p3-01-phone'])).rejects.toThrow()
  })

  it('removes documents by record id', async () => {
    await engine.remove(['case-study:case-left-behind'])
    expect(fake.calls(`POST /indexes/${INDEX}/documents/delete-batch`).at(-1)?.body).toEqual(['case-study__case-left-behind'])
    expect(fake.indexes.get(INDEX)?.documents.has('case-study__case-left-behind')).toBe(false)
  })

  it('reindexes into a fresh index, settings first, then swaps it in and deletes the old one', async () => {
    const before = fake.requests.length
    await engine.replaceAll(records.slice(0, 1))
    const calls = fake.requests.slice(before).map((request) => `${request.method} ${request.path}`)
    const fresh = (
      fake.requests.slice(before).find((request) => request.method === 'POST' && request.path === '/indexes' && (request.body as { uid: string }).uid !== INDEX)
        ?.body as { uid: string }
    ).uid
    expect(fresh).toMatch(new RegExp(`^${INDEX}-\\d+$`))
    expect(calls.indexOf(`PATCH /indexes/${fresh}/settings`)).toBeLessThan(calls.indexOf(`POST /indexes/${fresh}/documents`))
    expect(calls.indexOf(`POST /indexes/${fresh}/documents`)).toBeLessThan(calls.indexOf('POST /swap-indexes'))
    expect(fake.calls('POST /swap-indexes').at(-1)?.body).toEqual([{ indexes: [INDEX, fresh], rename: false }])
    expect(calls).toContain(`DELETE /indexes/${fresh}`)
    expect([...(fake.indexes.get(INDEX)?.documents.keys() ?? [])]).toEqual(['lesson__p3-01-phone'])
    expect(fake.indexes.has(fresh)).toBe(false)
  })

  it('searches with locales, quoted filters, facets and sort, and returns escaped highlights', async () => {
    await engine.upsert(records)
    const response = await engine.search(parseSearchQuery({ q: '手机', grade: 'k1,p3', type: 'lesson', sort: 'grade' }))
    const body = fake.calls(`POST /indexes/${INDEX}/search`).at(-1)?.body as Record<string, unknown>
    expect(body.locales).toEqual(['cmn'])
    expect(body.filter).toEqual([['type = "lesson"'], ['grades = "k1"', 'grades = "p3"']])
    expect(body.sort).toEqual(['gradeOrder:asc', 'sequence:asc'])
    expect(body.facets).toEqual(expect.arrayContaining(['type', 'stages', 'grades', 'themes']))
    expect(response.engine).toBe('meilisearch')
    expect(response.total).toBe(2)
    expect(response.facets.grade).toEqual({ k1: 1, p3: 1 })
    const hostile = response.hits.find((hit) => hit.slug === 'k1-02-hostile')
    expect(hostile?.titleHtml).toBe('&lt;img src=x onerror=alert(1)&gt;<mark>手机</mark>')
    expect(response.hits.map((hit) => hit.titleHtml).join('')).not.toContain('<img')
  })

  it('gives browsers a search-only key for the public index, created once', async () => {
    const first = await ensureSearchKey(engine.client, INDEX)
    const second = await ensureSearchKey(engine.client, INDEX)
    expect(second).toEqual(first)
    expect(fake.calls('POST /keys')).toHaveLength(1)
    expect(fake.calls('POST /keys')[0]?.body).toMatchObject({ actions: ['search'], indexes: [INDEX], expiresAt: null })
  })

  it('signs tenant tokens limited to the public index', async () => {
    const token = await tenantTokenFor({ key: 'a-search-key-that-is-long-enough', uid: '00000000-0000-4000-8000-000000000000' }, INDEX, 60)
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
    expect(claims.searchRules).toEqual({ [INDEX]: null })
    expect(claims.apiKeyUid).toBe('00000000-0000-4000-8000-000000000000')
    expect(Number(claims.exp)).toBeGreaterThan(Date.now() / 1000)
  })
})
