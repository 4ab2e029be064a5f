import { readPublishedRecords } from '@gongyu/cms/publishing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { type ApiJson, startTestPayload, type TestPayload, type TestRole } from '../helpers/testPayload.ts'

// Issue 12, defects 1–4: no single REST or GraphQL request may read unbounded data,
// anonymous introspection is refused, and a malformed `where` is a 400, not a 500.

const LESSONS = 105
const CHINESE = /[\u4e00-\u9fff]/

let t: TestPayload
let grade: string
let lessonsOfGrade: number

beforeAll(async () => {
  t = await startTestPayload()
  const theme = (await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })).id
  const grades: string[] = []
  for (let index = 0; index < LESSONS; index += 1) {
    const data: Record<string, unknown> = { ...validData('lessons', { theme }), _status: 'published' }
    grades.push(String(data.grade))
    await t.payload.create({ collection: 'lessons', data: data as never, context: { skipSearchSync: true } })
  }
  grade = grades.at(-1) ?? ''
  lessonsOfGrade = grades.filter((candidate) => candidate === grade).length
})
afterAll(async () => {
  await t?.close()
})

function expectRefused(response: { status: number; json: ApiJson }) {
  expect(response.status).toBe(400)
  const message = response.json?.errors?.[0]?.message
  expect(message).toMatch(CHINESE)
  return message as string
}

describe('REST list reads are bounded (defect 3)', () => {
  it('lowers a huge limit to 100 documents, whatever depth is asked', async () => {
    const started = Date.now()
    const { status, json } = await t.rest('GET', '/lessons?limit=100000&depth=50')
    expect(status).toBe(200)
    expect(json.docs).toHaveLength(100)
    expect(json.limit).toBe(100)
    expect(json.totalDocs).toBe(LESSONS)
    expect(json.hasNextPage).toBe(true)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(t.payload.config.maxDepth).toBeLessThanOrEqual(3)
  })

  it.each([
    'limit=-1',
    'limit=abc',
    'limit=1.5',
    'limit=0',
    'pagination=false',
    'limit=0&pagination=false',
    'depth=-1',
    'depth=abc',
    'page=0',
  ])('refuses ?%s with a 400 and a Chinese message', async (query) => {
    for (const as of [undefined, 'editor'] as (TestRole | undefined)[]) {
      expectRefused(await t.rest('GET', `/lessons?${query}`, { as }))
    }
  })

  it("still serves a grade's lessons and the admin's list queries", async () => {
    const grades = await t.rest('GET', `/lessons?where[grade][equals]=${grade}&limit=20&depth=0`)
    expect(grades.status).toBe(200)
    expect(grades.json.docs).toHaveLength(lessonsOfGrade)
    expect(grades.json.docs.every((doc: { grade: string }) => doc.grade === grade)).toBe(true)

    const adminList = await t.rest(
      'GET',
      '/lessons?depth=0&draft=true&invalid=false&limit=10&page=2&sort=-updatedAt&where[or][0][and][0][title][like]=测试课程',
      { as: 'admin' },
    )
    expect(adminList.status).toBe(200)
    expect(adminList.json.docs).toHaveLength(10)
    expect(adminList.json.page).toBe(2)

    const relationshipPicker = await t.rest('GET', '/themes?depth=0&limit=10&page=1&sort=name&where[and][0][or][0][name][like]=主题', { as: 'editor' })
    expect(relationshipPicker.status).toBe(200)
    expect(relationshipPicker.json.docs.length).toBeGreaterThan(0)
  })

  it("still lets the admin's bulk delete send limit=0 with an id list", async () => {
    const theme = await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })
    const { status, json } = await t.rest('DELETE', `/themes?limit=0&where[id][in][0]=${theme.id}`, { as: 'admin' })
    expect(status).toBe(200)
    expect(json.docs.map((doc: { id: unknown }) => doc.id)).toEqual([theme.id])
  })

  it('leaves internal Local API reads (the export) free to read whole collections', async () => {
    const all = await t.payload.find({ collection: 'lessons', pagination: false, depth: 0, overrideAccess: false })
    expect(all.docs).toHaveLength(LESSONS)
    const records = await readPublishedRecords(t.payload)
    expect(records.filter((record) => record.type === 'lesson')).toHaveLength(LESSONS)
  })
})

describe('a malformed where is a 400, never a 500 (defect 4)', () => {
  it.each([
    ['where[createdAt][greater_than]=not-a-date', /不是有效日期/],
    ['where[title][equals][a]=b', /不能是对象/],
    ['where[body.root.children][exists]=true', /富文本或 JSON/],
    ['where[title][regex]=.*', /不支持的查询运算符/],
    ['where[durationMinutes][equals]=ten', /必须是数字/],
  ])('?%s', async (query, message) => {
    for (const as of [undefined, 'editor'] as (TestRole | undefined)[]) {
      expect(expectRefused(await t.rest('GET', `/lessons?${query}`, { as }))).toMatch(message)
    }
  })

  it('still accepts well-formed dates, lists and rich-text existence checks', async () => {
    for (const query of [
      'where[createdAt][greater_than]=2020-01-01',
      `where[grade][in]=${grade},p1`,
      'where[body][exists]=true',
      'where[durationMinutes][greater_than_equal]=30',
    ]) {
      const { status, json } = await t.rest('GET', `/lessons?${query}&limit=5&depth=0`)
      expect(status, query).toBe(200)
      expect(json.docs.length, query).toBeGreaterThan(0)
    }
  })
})

describe('GraphQL requests are bounded (defect 1)', () => {
  const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`

  it('refuses the 160-alias whole-collection query at once, and the CMS keeps answering', async () => {
    // The first request builds the GraphQL schema; time the attack on a warm server.
    expect((await t.graphql('{ Lessons(limit: 1) { docs { id } } }')).status).toBe(200)
    const started = Date.now()
    const attack = await t.graphql(aliases(160, 'Lessons(limit:0, pagination:false) { docs { id title summary body } }'))
    expectRefused(attack)
    expect(attack.json.data).toBeUndefined()
    expect(Date.now() - started).toBeLessThan(2000)

    const normal = await t.graphql('{ Lessons(limit: 5) { docs { id title } } }')
    expect(normal.status).toBe(200)
    expect(normal.json.data.Lessons.docs).toHaveLength(5)
  })

  it('refuses whole-collection arguments, written inline or as variables', async () => {
    expect(expectRefused(await t.graphql('{ Lessons(limit: 0) { docs { id } } }'))).toMatch(/不能一次读取全部/)
    expect(expectRefused(await t.graphql('{ Lessons(limit: -1) { docs { id } } }'))).toMatch(/不能一次读取全部/)
    expect(expectRefused(await t.graphql('{ Lessons(pagination: false) { docs { id } } }'))).toMatch(/不能关闭分页/)
    expect(expectRefused(await t.graphql('query($l: Int) { Lessons(limit: $l) { docs { id } } }', { variables: { l: 0 } }))).toMatch(/不能一次读取全部/)
    expect(expectRefused(await t.graphql('query($p: Boolean = false) { Lessons(pagination: $p) { docs { id } } }'))).toMatch(/不能关闭分页/)
  })

  it('refuses too many aliases, and a cost that counts list sizes', async () => {
    expect(expectRefused(await t.graphql(aliases(11, 'Lessons(limit: 1) { docs { id } }')))).toMatch(/别名/)
    expect(expectRefused(await t.graphql(aliases(8, 'Lessons(limit: 100) { docs { id title summary body slug grade } }')))).toMatch(/查询太大/)
  })

  it('refuses fragments that double at every level before they are expanded', async () => {
    const levels = 20
    const fragments = Array.from({ length: levels }, (_, index) => `fragment F${index} on Lesson { ...F${index + 1} ...F${index + 1} }`).join(' ')
    const started = Date.now()
    const bomb = await t.graphql(`{ Lessons(limit: 1) { docs { ...F0 } } } ${fragments} fragment F${levels} on Lesson { id }`)
    expect(expectRefused(bomb)).toMatch(/展开后字段太多/)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('lowers a large limit to 100 documents, as REST does', async () => {
    const { status, json } = await t.graphql('{ Lessons(limit: 500) { totalDocs limit docs { id } } }')
    expect(status).toBe(200)
    expect(json.data.Lessons.docs).toHaveLength(100)
    expect(json.data.Lessons.totalDocs).toBe(LESSONS)
  })

  it('answers a query that cannot run (here a bad date, refused by the schema) with a 400', async () => {
    const { status, json } = await t.graphql('{ Lessons(where: { createdAt: { greater_than: "not-a-date" } }) { docs { id } } }')
    expect(status).toBe(400)
    expect(json.data).toBeUndefined()
    expect(json.errors?.[0]?.message).toContain('where')
  })
})

describe('GraphQL introspection (defect 2)', () => {
  const introspection = '{ __schema { queryType { name } } }'

  it('is refused to anonymous visitors', async () => {
    expect(expectRefused(await t.graphql(introspection))).toMatch(/introspection/)
    expectRefused(await t.graphql('{ __type(name: "Lesson") { name fields { name } } }'))
  })

  it('is open to signed-in staff', async () => {
    const { status, json } = await t.graphql(introspection, { as: 'editor' })
    expect(status).toBe(200)
    expect(json.data.__schema.queryType.name).toBe('Query')
  })
})
