import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

type Id = string | number

let t: TestPayload
let refs: { theme: Id; lesson: Id; organization: Id }
let replay: Id

beforeAll(async () => {
  t = await startTestPayload()
  const theme = (await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })).id
  const lesson = (await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), _status: 'published' } as never })).id
  refs = { theme, lesson, organization: t.organizations.a }
  replay = (await t.payload.create({ collection: 'micro-lessons', data: { ...validData('micro-lessons', refs), _status: 'published' } as never })).id
})
afterAll(async () => {
  await t?.close()
})

const HAN = /[\u4e00-\u9fff]/

async function footprint() {
  const docs = await t.payload.count({ collection: 'events', overrideAccess: true })
  const versions = await t.payload.countVersions({ collection: 'events', overrideAccess: true })
  return { docs: docs.totalDocs, versions: versions.totalDocs }
}

function messagesOf(json: { errors?: { message: string; data?: { errors?: { message: string; path?: string }[] } }[] }) {
  return (json?.errors ?? [])
    .flatMap((error) => [error.message, ...(error.data?.errors ?? []).map((fieldError) => `${fieldError.path}: ${fieldError.message}`)])
    .join('\n')
}

/** Saves through REST as an editor (a draft) or a reviewer (published); checks the refusal is Chinese and left nothing behind. */
async function expectRefused(data: Record<string, unknown>, expected: RegExp, as: 'editor' | 'reviewer' = 'editor') {
  const before = await footprint()
  const { status, json } = await t.rest('POST', as === 'editor' ? '/events?draft=true' : '/events', {
    as,
    body: as === 'editor' ? data : { ...data, _status: 'published' },
  })
  const messages = messagesOf(json)
  expect(status, messages).toBe(400)
  expect(messages).toMatch(expected)
  expect(messages).toMatch(HAN)
  expect(await footprint()).toEqual(before)
}

describe('events refuse bad input in Chinese and save nothing', () => {
  it('saves a well-formed event', async () => {
    const { status, json } = await t.rest('POST', '/events?draft=true', { as: 'editor', body: validData('events', refs) })
    expect(status, messagesOf(json)).toBe(201)
    expect(json.doc.startsAt_tz).toBe('Asia/Shanghai')
  })

  it('an event that ends before it starts', async () => {
    const data = { ...validData('events', refs), startsAt: '2036-09-17T12:30:00.000Z', endsAt: '2036-09-17T11:30:00.000Z' }
    await expectRefused(data, /endsAt: 结束时间必须晚于开始时间/)
  })

  it('a past event marked held without a replay', async () => {
    const data = { ...validData('events', refs), startsAt: '2026-03-01T11:30:00.000Z', endsAt: '2026-03-01T12:30:00.000Z', held: true }
    await expectRefused(data, /replay: .*需要关联回放微课/)
  })

  it('an event marked held before it has happened', async () => {
    await expectRefused({ ...validData('events', refs), held: true, replay }, /held: 活动还没有结束/)
  })

  it('a live link that is not https', async () => {
    for (const liveUrl of ['http://live.example.cn/room/1', 'javascript:alert(1)', 'live.example.cn']) {
      await expectRefused({ ...validData('events', refs), liveUrl }, /liveUrl: 直播链接「.*」不是有效网址：必须以 https:\/\/ 开头/)
    }
  })

  it('a published in-person event without a place', async () => {
    await expectRefused({ ...validData('events', refs), mode: 'in-person', liveUrl: null }, /venue: 线下活动请从服务地图中选择场所，或填写地点/, 'reviewer')
  })

  it('a person named as the speaker', async () => {
    await expectRefused({ ...validData('events', refs), presenter: '王建国' }, /主讲「王建国」看起来像个人姓名/)
  })

  it('a child’s phone number in the summary (the personal-information check every content type has)', async () => {
    await expectRefused({ ...validData('events', refs), summary: '报名请联系孩子妈妈 13812345678。' }, /手机号/)
  })

  it('a partial update that would make an existing event end before it starts', async () => {
    const created = await t.payload.create({ collection: 'events', data: validData('events', refs) as never, draft: true })
    const { status, json } = await t.rest('PATCH', `/events/${created.id}?draft=true`, { as: 'editor', body: { endsAt: '2036-09-17T10:00:00.000Z' } })
    expect(status).toBe(400)
    expect(messagesOf(json)).toMatch(/结束时间必须晚于开始时间/)
    const stored = await t.payload.findByID({ collection: 'events', id: created.id, draft: true, depth: 0 })
    expect(stored.endsAt).toBe('2036-09-17T12:30:00.000Z')
  })

  it('accepts a past event marked held with its replay, and publishes it with the replay named', async () => {
    const data = { ...validData('events', refs), startsAt: '2026-03-01T11:30:00.000Z', endsAt: '2026-03-01T12:30:00.000Z', held: true, replay }
    const { status, json } = await t.rest('POST', '/events', { as: 'reviewer', body: { ...data, _status: 'published' } })
    expect(status, messagesOf(json)).toBe(201)
    const { readPublishedRecords } = await import('@gongyu/cms/publishing')
    const record = (await readPublishedRecords(t.payload)).find((entry) => entry.slug === json.doc.slug)
    expect(record?.event?.held).toBe(true)
    expect(record?.event?.replay).toMatch(/^micro-lesson:/)
    expect(record?.event?.startsAt).toBe('2026-03-01T11:30:00.000Z')
  })

  it('publishes an in-person event at a place from the service map, named and linked only once the place is published', async () => {
    const placeData = { ...validData('places', refs), address: '人民路 12 号' } as { name: string; address: string }
    const draftPlace = await t.payload.create({ collection: 'places', data: placeData as never, draft: true })
    const event = { ...validData('events', refs), mode: 'in-person', liveUrl: null, venue: null, place: draftPlace.id }
    const { status, json } = await t.rest('POST', '/events', { as: 'reviewer', body: { ...event, _status: 'published' } })
    expect(status, messagesOf(json)).toBe(201)
    const { readPublishedRecords } = await import('@gongyu/cms/publishing')
    const exported = async () => (await readPublishedRecords(t.payload)).find((entry) => entry.slug === json.doc.slug)?.event
    // A draft place is not public: the event names neither it nor its address.
    expect(await exported()).toMatchObject({ mode: 'in-person', venue: null, place: null })
    await t.payload.update({ collection: 'places', id: draftPlace.id, data: { _status: 'published' } as never, overrideAccess: true })
    expect(await exported()).toMatchObject({ venue: `${placeData.name}（人民路 12 号）`, place: draftPlace.slug })
  })
})
