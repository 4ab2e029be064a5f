import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPayload, type TestPayload, type TestRole } from '../helpers/testPayload.ts'

const HEADER = '名称,类型,县区,乡镇街道,地址,开放时间,服务内容,电话,纬度,经度,核实日期'
let counter = 0
/** A good row with a name of its own, so tests never collide. */
function row(overrides: { name?: string; address?: string; county?: string } = {}): string {
  counter += 1
  const name = overrides.name ?? `测试服务站${counter}`
  return `${name},服务站,${overrides.county ?? '测试县'},城关镇,${overrides.address ?? '人民路 1 号'},周六上午,家长咨询、亲子阅读,0838-2212345,31.1268,104.3981,2026-11-20`
}

let t: TestPayload

beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

async function importCsv(
  body: Uint8Array | string,
  as?: TestRole,
): Promise<{ status: number; json: { imported: number; problems?: { line: number; message: string }[] } }> {
  const headers: Record<string, string> = { 'content-type': 'text/csv', 'accept-language': 'zh' }
  if (as) headers.authorization = `JWT ${t.users[as].token}`
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
  const response = await t.send(new Request('http://localhost:3000/api/places/import', { method: 'POST', headers, body: new Uint8Array(bytes) }))
  return { status: response.status, json: await response.json() }
}

const placeCount = async () => (await t.payload.count({ collection: 'places', overrideAccess: true })).totalDocs

describe('CSV import of places', () => {
  it('imports every row of a GBK file as a draft sent for review, hidden from the public until published', async () => {
    const before = await placeCount()
    const names = ['城关镇家庭教育指导中心', '青山村家长服务站']
    const gbk = iconv.encode(`${HEADER}\r\n${row({ name: names[0] })}\r\n${row({ name: names[1] })}\r\n`, 'gbk')
    const { status, json } = await importCsv(gbk, 'editor')
    expect(status).toBe(201)
    expect(json.imported).toBe(2)
    expect(await placeCount()).toBe(before + 2)
    const { docs } = await t.payload.find({ collection: 'places', where: { name: { in: names } }, draft: true, overrideAccess: true, depth: 0 })
    expect(docs.map((doc) => [doc.name, doc._status, doc.reviewState, doc.phone]).sort()).toEqual(
      names.map((name) => [name, 'draft', 'in-review', '0838-2212345']).sort(),
    )
    const anonymous = await t.rest('GET', `/places?where[name][in]=${encodeURIComponent(names.join(','))}`)
    expect(anonymous.json.docs).toEqual([])
    // Reviewers find them in the review queue beside the course bank, under their name.
    const { findReviewQueue } = await import('../../cms/src/admin/review/findReviewQueue.ts')
    const queue = await findReviewQueue(t.payload, t.users.reviewer.user as never, 'review')
    const queued = queue.items.filter((item) => item.collection === 'places').map((item) => [item.typeLabel, item.title])
    expect(queued).toEqual(expect.arrayContaining(names.map((name) => ['服务地点', name])))
  })

  it('imports nothing when one row is bad, and names each bad row by its line', async () => {
    const before = await placeCount()
    const csv = [HEADER, row(), row(), '缺县的站,服务站,,,,,,,31.1,104.1,2026-11-20', row(), '坐标错的站,服务站,测试县,,,,,,31.1,东经104,2026-11-20'].join('\n')
    const { status, json } = await importCsv(csv, 'reviewer')
    expect(status).toBe(400)
    expect(json.imported).toBe(0)
    expect(json.problems?.map((problem) => problem.line)).toEqual([4, 6])
    expect(json.problems?.[0]?.message).toContain('缺少县区')
    expect(json.problems?.[1]?.message).toContain('经度「东经104」不是数字')
    expect(await placeCount()).toBe(before)
  })

  it('rolls back the rows already saved when a later row is refused at save time', async () => {
    const before = await placeCount()
    // A control character passes the CSV checks; the CMS's own input check refuses it when the row is saved.
    const csv = [HEADER, row(), row(), row(), row({ address: '人民路\u0007 1 号' })].join('\n')
    const { status, json } = await importCsv(csv, 'admin')
    expect(status).toBe(400)
    expect(json.problems).toEqual([{ line: 5, message: expect.stringContaining('控制字符') }])
    expect(await placeCount()).toBe(before)
  })

  it('refuses a place already in the map, and a second import of the same file', async () => {
    const csv = [HEADER, row({ name: '重复导入的服务站' })].join('\n')
    expect((await importCsv(csv, 'editor')).status).toBe(201)
    const again = await importCsv(csv, 'editor')
    expect(again.status).toBe(400)
    expect(again.json.problems).toEqual([{ line: 2, message: expect.stringContaining('已经有测试县的「重复导入的服务站」') }])
  })

  it('gives two places of the same name in different counties different addresses on the site', async () => {
    const csv = [HEADER, row({ name: '同名服务站', county: '甲县' }), row({ name: '同名服务站', county: '乙县' })].join('\n')
    expect((await importCsv(csv, 'editor')).status).toBe(201)
    const { docs } = await t.payload.find({ collection: 'places', where: { name: { equals: '同名服务站' } }, draft: true, overrideAccess: true, depth: 0 })
    expect(new Set(docs.map((doc) => doc.slug)).size).toBe(2)
  })

  it('is for content staff only', async () => {
    const csv = [HEADER, row()].join('\n')
    const before = await placeCount()
    for (const as of [undefined, 'orgAdminA'] as const) {
      const { status, json } = await importCsv(csv, as)
      expect(status).toBe(403)
      expect(json.problems?.[0]?.message).toContain('只有编辑')
    }
    expect(await placeCount()).toBe(before)
  })

  it('refuses an over-large file with a Chinese message before parsing it', async () => {
    const big = `${HEADER}\n${'某'.repeat(400_000)}`
    const { status, json } = await importCsv(big, 'editor')
    expect(status).toBe(413)
    expect(json.problems?.[0]?.message).toContain('文件太大')
  })
})

describe('saving a place in the admin', () => {
  const base = {
    kind: 'guidance-centre',
    county: '测试县',
    location: { latitude: 31.1268, longitude: 104.3981, datum: 'GCJ-02' },
    lastCheckedOn: '2026-11-20T04:00:00.000Z',
  }
  const save = (data: Record<string, unknown>) => t.rest('POST', '/places?draft=true', { as: 'editor', body: { ...base, ...data } })
  const messagesOf = (json: { errors?: { data?: { errors?: { message: string }[] } }[] }) =>
    (json.errors ?? []).flatMap((error) => error.data?.errors ?? []).map((error) => error.message)

  it('writes the organization’s phone in one form, and fills a slug from county and name', async () => {
    const { status, json } = await save({ name: '电话规范的中心', phone: '（0838）221 2345' })
    expect(status).toBe(201)
    expect(json.doc.phone).toBe('0838-2212345')
    expect(json.doc.slug).toBe('ce-shi-xian-dian-hua-gui-fan-de-zhong-xin')
  })

  it('refuses a personal mobile as the phone, and in free text, even in a draft', async () => {
    const phone = await save({ name: '手机号的中心', phone: '138 1234 5678' })
    expect(phone.status).toBe(400)
    expect(messagesOf(phone.json).join('')).toContain('手机号码属于个人')
    const inText = await save({ name: '地址里写手机的中心', address: '找王老师 13812345678' })
    expect(inText.status).toBe(400)
    expect(messagesOf(inText.json).join('')).toContain('个人信息')
  })

  it('refuses swapped coordinates and a point outside China, in Chinese', async () => {
    const swapped = await save({ name: '坐标填反的中心', location: { latitude: 104.3981, longitude: 31.1268, datum: 'GCJ-02' } })
    expect(swapped.status).toBe(400)
    expect(messagesOf(swapped.json).join('')).toContain('填反')
    const abroad = await save({ name: '坐标在国外的中心', location: { latitude: 48.85, longitude: 2.35, datum: 'GCJ-02' } })
    expect(messagesOf(abroad.json).join('')).toContain('不在中国境内')
  })

  it('lets an editor send a place for review but not publish it', async () => {
    const created = await save({ name: '送审的中心', reviewState: 'in-review' })
    expect(created.status).toBe(201)
    expect(created.json.doc.reviewState).toBe('in-review')
    const publish = await t.rest('PATCH', `/places/${created.json.doc.id}`, { as: 'editor', body: { _status: 'published' } })
    expect(publish.status).toBeGreaterThanOrEqual(400)
    const published = await t.rest('PATCH', `/places/${created.json.doc.id}`, { as: 'reviewer', body: { _status: 'published' } })
    expect(published.status).toBe(200)
    expect((await t.rest('GET', `/places/${created.json.doc.id}`)).json.name).toBe('送审的中心')
    // The export carries the published place, without its review fields, and none of the drafts.
    const { readPublishedContent } = await import('@gongyu/cms/publishing')
    const places = (await readPublishedContent(t.payload)).places ?? []
    expect(places.find((place) => place.name === '送审的中心')).toMatchObject({ county: '测试县', location: { datum: 'GCJ-02' } })
    expect(places.map((place) => place.name)).not.toContain('电话规范的中心')
    expect(JSON.stringify(places)).not.toMatch(/reviewState|submittedBy/)
  })
})
