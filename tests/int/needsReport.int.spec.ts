import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isoWeekOf, type NeedSignalBody, publishedContentSchema } from '@gongyu/contract'
import { validData } from '../fixtures/contentFixtures.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

// Issue 17, the needs report: the privacy threshold (county-week 5, province-week 10) holds in the report and its API,
// single signals are unreadable, and a query goes to a content task, a published lesson, an accepted synonym and a hit.
let t: TestPayload
let theme: string | number

const { needSignalWrite } = await import('../../cms/src/collections/NeedSignals/needSignalWrite.ts')
const { forgetNeedSignalSettings } = await import('../../cms/src/collections/NeedSignals/needSignalSettings.ts')

const send = (body: NeedSignalBody) => needSignalWrite.store(t.payload, needSignalWrite.schema.parse(body))
const sendTimes = async (times: number, body: NeedSignalBody) => {
  for (let index = 0; index < times; index += 1) await send(body)
}

type Row = { query: string; level: string; province: string | null; county: string | null; week: string; asked: number; zeroResult: number; total: number }
async function reportRows(as: 'editor' | 'admin' = 'editor'): Promise<Row[]> {
  const { status, json } = await t.rest('GET', '/need-signals/report', { as })
  expect(status).toBe(200)
  return json.rows
}
const rowsOf = (rows: Row[], query: string) => rows.filter((row) => row.query === query).map((row) => [row.level, row.province, row.county, row.total])

beforeAll(async () => {
  t = await startTestPayload()
  theme = (await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })).id
  // The harness has 甘肃省某县 (org a) and 广东省某区 (org b); a second county in the same province:
  await t.payload.create({ collection: 'organizations', data: { name: '丙县家长学校', type: 'parent-school', region: '甘肃省另一县', slug: 'org-c' } })
  forgetNeedSignalSettings(t.payload)
})
afterAll(async () => {
  await t?.close()
})

describe('the privacy threshold', () => {
  it('hides a query asked 4 times in a county-week and shows it at 5', async () => {
    await sendTimes(4, { kind: 'asked', query: '厌学', province: '甘肃省', county: '某县' })
    expect(rowsOf(await reportRows(), '厌学')).toEqual([])
    // The Traditional copy of the site sends the same query and area in Traditional characters: the same group.
    await send({ kind: 'asked', query: '厭學', province: '甘肅省', county: '某縣' })
    expect(rowsOf(await reportRows(), '厌学')).toEqual([['county', '甘肃省', '某县', 5]])
    const row = (await reportRows()).find((candidate) => candidate.query === '厌学')
    expect(row?.week).toBe(isoWeekOf(new Date()))
    expect(row?.asked).toBe(5)
  })

  it('shows a province-week only at 10, counting every county of the province and signals with no county', async () => {
    await sendTimes(4, { kind: 'asked', query: '手机成瘾', province: '甘肃省', county: '某县' })
    await sendTimes(4, { kind: 'asked', query: '手机成瘾', province: '甘肃省', county: '另一县' })
    await send({ kind: 'asked', query: '手机成瘾', province: '甘肃省' })
    // 9 in the province, 4 in each county: nothing is shown.
    expect(rowsOf(await reportRows(), '手机成瘾')).toEqual([])
    await send({ kind: 'asked', query: '手机成瘾', province: '甘肃省' })
    expect(rowsOf(await reportRows(), '手机成瘾').sort()).toEqual(
      [
        ['all', null, null, 10],
        ['province', '甘肃省', null, 10],
      ].sort(),
    )
    // Other provinces never add to 甘肃省.
    await sendTimes(5, { kind: 'asked', query: '手机成瘾', province: '广东省', county: '某区' })
    expect(rowsOf(await reportRows(), '手机成瘾')).toContainEqual(['county', '广东省', '某区', 5])
    expect(rowsOf(await reportRows(), '手机成瘾')).toContainEqual(['province', '甘肃省', null, 10])
  })

  it('lets nobody read a single signal, and only content staff read the report', async () => {
    for (const as of ['admin', 'editor', 'reviewer', 'orgAdminA'] as const) {
      const list = await t.rest('GET', '/need-signals?limit=100', { as })
      expect(list.status, as).toBe(403)
    }
    expect((await t.rest('GET', '/need-signals')).status).toBe(403)
    const graphql = await t.graphql('{ NeedSignals { docs { query county week } } }', { as: 'admin' })
    expect(JSON.stringify(graphql.json.data?.NeedSignals?.docs ?? [])).not.toContain('厌学')
    expect((await t.rest('GET', '/need-signals/report')).status).toBe(401)
    expect((await t.rest('GET', '/need-signals/report', { as: 'orgAdminA' })).status).toBe(403)
    expect((await reportRows('admin')).length).toBeGreaterThan(0)
  })

  it('stores the query, the area, the week and the kind, and nothing else', async () => {
    await send({ kind: 'asked', query: '  隔代  教育 ', province: '广东省', county: '某区' })
    const { docs } = await t.payload.find({ collection: 'need-signals', where: { query: { equals: '隔代 教育' } }, overrideAccess: true, depth: 0 })
    expect(docs).toHaveLength(1)
    const stored = { ...docs[0] }
    expect(Object.keys(stored).sort()).toEqual(['county', 'id', 'kind', 'province', 'query', 'week'])
    expect(stored).toMatchObject({ query: '隔代 教育', province: '广东省', county: '某区', kind: 'asked', week: isoWeekOf(new Date()) })
    // A random id, not a counter or an ObjectId that carries a time.
    expect(String(stored.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

describe('keeping signals no longer than the report shows them', () => {
  it('deletes signals older than the report’s eight weeks when the nightly job runs, and keeps the rest', async () => {
    const old = await t.payload.create({
      collection: 'need-signals',
      data: { id: crypto.randomUUID(), query: '旧的需求', week: '2025-W01', kind: 'asked' },
      overrideAccess: true,
    })
    const before = (await t.payload.count({ collection: 'need-signals', overrideAccess: true })).totalDocs
    await t.payload.jobs.queue({ task: 'pruneNeedSignals', input: {} })
    await t.payload.jobs.run({ limit: 10 })
    const left = await t.payload.find({ collection: 'need-signals', where: { id: { equals: old.id } }, overrideAccess: true })
    expect(left.totalDocs).toBe(0)
    expect((await t.payload.count({ collection: 'need-signals', overrideAccess: true })).totalDocs).toBe(before - 1)
  })
})

describe('what the need-signal kind refuses', () => {
  const count = async () => (await t.payload.count({ collection: 'need-signals', overrideAccess: true })).totalDocs

  it.each([
    ['a mobile number', { kind: 'asked', query: '孩子厌学 13812345678' }, 400, '电话号码'],
    ['an ID number', { kind: 'asked', query: '11010520150312123X 入学' }, 400, '证件号码'],
    ['a county not in the list', { kind: 'asked', query: '厌学', province: '甘肃省', county: '不存在县' }, 400, '不在列表里'],
    // NFKC makes each ㍿ four characters (株式会社): the collection's 40-character limit holds for the stored form too.
    ['a query longer than 40 characters once normalized', { kind: 'asked', query: '㍿'.repeat(11) }, 400, '最多 40 个字'],
    ['a control character', { kind: 'asked', query: '厌学\u0007' }, 400, '控制字符'],
    ['a zero-result count while no organization turned counting on', { kind: 'zero-result', query: '厌学' }, 404, '没有开启'],
  ] as const)('refuses %s with a Chinese message and stores nothing', async (_name, body, status, message) => {
    const before = await count()
    await expect(send(body as NeedSignalBody)).rejects.toMatchObject({ status, message: expect.stringContaining(message) })
    expect(await count()).toBe(before)
  })

  it('refuses unknown keys, a day or time, and a 100 KB query in the schema', () => {
    const schema = needSignalWrite.schema
    expect(schema.safeParse({ kind: 'asked', query: '厌学', week: '2026-W01' }).success).toBe(false)
    expect(schema.safeParse({ kind: 'asked', query: '厌学', date: '2026-12-03' }).success).toBe(false)
    expect(schema.safeParse({ kind: 'asked', query: '家'.repeat(100_000) }).success).toBe(false)
    expect(needSignalWrite.maxBodyBytes).toBeLessThanOrEqual(4096)
  })

  it('counts searches that found nothing once an organization turns counting on', async () => {
    await t.payload.update({ collection: 'organizations', id: t.organizations.a, data: { countZeroResultSearches: true } })
    forgetNeedSignalSettings(t.payload)
    const before = await count()
    await send({ kind: 'zero-result', query: '留守儿童心理', province: '甘肃省', county: '某县' })
    expect(await count()).toBe(before + 1)
    const exported = await t.rest('GET', `/organizations/${t.organizations.a}`)
    expect(exported.json.countZeroResultSearches).toBe(true)
  })
})

describe('from a query to a lesson parents find', () => {
  async function searchTitles(q: string): Promise<string[]> {
    const { status, json } = await t.rest('GET', `/search?q=${encodeURIComponent(q)}`)
    expect(status).toBe(200)
    return (json.hits as { title: string }[]).map((hit) => hit.title)
  }
  // What the site build reads, checked as it checks it: the static index's synonyms come from here.
  async function exportedSynonyms(): Promise<unknown[]> {
    const { readPublishedContent } = await import('@gongyu/cms/publishing')
    return publishedContentSchema.parse(JSON.parse(JSON.stringify(await readPublishedContent(t.payload)))).synonyms ?? []
  }

  it('turns the query into a task; a published lesson offers its words; an accepted word makes the query find it', async () => {
    const title = '孩子不想上学怎么办'
    const lesson = await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), title } as never, draft: true })
    expect(await searchTitles('厌学')).toEqual([])

    // One click in the 需求分析 view posts this.
    const created = await t.rest('POST', '/content-tasks', { as: 'editor', body: { query: '厭學', status: 'open' } })
    expect(created.status).toBe(201)
    expect(created.json.doc.query).toBe('厌学')
    const again = await t.rest('POST', '/content-tasks', { as: 'editor', body: { query: '厌学' } })
    expect(again.status).toBe(400)
    expect(JSON.stringify(again.json)).toContain('已经有内容任务')
    const taskId = created.json.doc.id

    // Linked while still a draft: nothing is offered and nothing can be accepted.
    const linked = await t.rest('PATCH', `/content-tasks/${taskId}`, {
      as: 'editor',
      body: { status: 'writing', records: [{ relationTo: 'lessons', value: lesson.id }] },
    })
    expect(linked.status).toBe(200)
    expect(linked.json.doc.offeredSynonyms).toEqual([])
    const early = await t.rest('PATCH', `/content-tasks/${taskId}`, { as: 'editor', body: { acceptedSynonyms: ['上学'] } })
    expect(early.status).toBe(400)
    expect(JSON.stringify(early.json)).toContain('不是已发布的关联内容里的词')

    await t.payload.update({ collection: 'lessons', id: lesson.id, data: { _status: 'published' } as never })
    expect(await searchTitles(title)).toEqual([title])
    expect(await searchTitles('厌学')).toEqual([])
    const offered = (await t.rest('GET', `/content-tasks/${taskId}`, { as: 'editor' })).json.offeredSynonyms as string[]
    expect(offered).toContain('上学')
    expect(offered).not.toContain('孩子')
    // Offered is not accepted: nothing of the task leaves the CMS yet.
    expect(await exportedSynonyms()).toEqual([])

    const accepted = await t.rest('PATCH', `/content-tasks/${taskId}`, { as: 'editor', body: { acceptedSynonyms: ['上学'], status: 'done' } })
    expect(accepted.status).toBe(200)
    expect(await searchTitles('厌学')).toEqual([title])
    // The Traditional form of the query finds it too.
    expect(await searchTitles('厭學')).toEqual([title])
    // The export carries the accepted word only, not the other words the lesson offered, for the static site's search.
    expect(offered.length).toBeGreaterThan(1)
    expect(await exportedSynonyms()).toEqual([{ query: '厌学', synonyms: ['上学'] }])

    // A deleted task takes its synonym with it.
    expect((await t.rest('DELETE', `/content-tasks/${taskId}`, { as: 'admin' })).status).toBe(200)
    expect(await searchTitles('厌学')).toEqual([])
    expect(await exportedSynonyms()).toEqual([])
  })

  it('refuses a query holding personal information, which would go out with its synonyms', async () => {
    const refused = await t.rest('POST', '/content-tasks', { as: 'editor', body: { query: '孩子厌学 13812345678' } })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.json)).toContain('手机号')
  })
})

describe('POST /api/anonymous/need-signal', () => {
  const post = (body: BodyInit, headers: Record<string, string>) =>
    t.send(
      new Request('http://localhost:3000/api/anonymous/need-signal', { method: 'POST', headers: { origin: 'https://gongyu.example.cn', ...headers }, body }),
    )

  it('stores a form the search page sends, and answers JSON any origin can read', async () => {
    const response = await post(new URLSearchParams({ kind: 'asked', query: '亲子沟通', province: '广东省', county: '某区' }), {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(((await response.json()) as { message: string }).message).toContain('亲子沟通')
    const stored = await t.payload.count({ collection: 'need-signals', where: { query: { equals: '亲子沟通' } }, overrideAccess: true })
    expect(stored.totalDocs).toBe(1)
  })

  it('refuses a phone number, an extra field and a long query with Chinese messages, storing nothing', async () => {
    const before = (await t.payload.count({ collection: 'need-signals', overrideAccess: true })).totalDocs
    const cases: [Record<string, string>, string][] = [
      [{ kind: 'asked', query: '孩子厌学 13812345678' }, '电话号码'],
      [{ kind: 'asked', query: '厌学', time: '09:41' }, '不认识的字段'],
      [{ kind: 'asked', query: '家'.repeat(41) }, '最多 40 个字'],
    ]
    for (const [fields, message] of cases) {
      const response = await post(JSON.stringify(fields), { accept: 'application/json', 'content-type': 'application/json' })
      expect(response.status, JSON.stringify(fields)).toBe(400)
      expect(JSON.stringify(await response.json())).toContain(message)
    }
    expect((await t.payload.count({ collection: 'need-signals', overrideAccess: true })).totalDocs).toBe(before)
  })
})
