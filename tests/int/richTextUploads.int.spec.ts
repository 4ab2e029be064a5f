import type { CollectionSlug } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { richTextOf } from '../fixtures/richText.ts'
import { startTestPayload, type TestPayload, type TestRole } from '../helpers/testPayload.ts'

type Id = string | number

let t: TestPayload
let theme: Id
let lesson: Id
let media: { id: Id; url: string; filename: string; mimeType: string }

const HAN = /[\u4e00-\u9fff]/
// An id no document has on either database (a number on SQLite, an ObjectId on MongoDB).
const missingId = () => (typeof media.id === 'number' ? 987654 : '0123456789abcdef01234567')

/** A rich-text value: one paragraph of text, then an upload node with the given value. */
function bodyWithUpload(value: unknown, relationTo = 'media') {
  const body = richTextOf('正文第一段')
  ;(body.root.children as unknown[]).push({ type: 'upload', version: 3, format: '', id: 'node-1', fields: null, relationTo, value })
  return body
}

const forgedObject = () => ({ id: media.id, url: 'javascript:alert(1)', filename: 'x.pdf', mimeType: 'application/pdf' })

async function footprint(collection: CollectionSlug) {
  const docs = await t.payload.count({ collection, overrideAccess: true })
  const versions = await t.payload.countVersions({ collection, overrideAccess: true })
  return { docs: docs.totalDocs, versions: versions.totalDocs }
}

function errorsOf(json: { errors?: { message: string; data?: { errors?: { message: string; path?: string }[] } }[] } | null) {
  const fieldErrors = (json?.errors ?? []).flatMap((error) => error.data?.errors ?? [])
  return { paths: fieldErrors.map((error) => error.path), messages: fieldErrors.map((error) => error.message).join('\n') }
}

async function expectRefused(
  method: 'POST' | 'PATCH',
  apiPath: string,
  collection: CollectionSlug,
  data: Record<string, unknown>,
  field: string,
  as: TestRole = 'editor',
) {
  const before = await footprint(collection)
  const { status, json } = await t.rest(method, apiPath, { as, body: data })
  expect(status, JSON.stringify(json)).toBe(400)
  const { paths, messages } = errorsOf(json)
  expect(paths).toContain(field)
  expect(messages).toMatch(HAN)
  expect(messages).toMatch(/文件|图片/)
  expect(await footprint(collection)).toEqual(before)
}

beforeAll(async () => {
  t = await startTestPayload()
  theme = (await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })).id
  lesson = (await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), _status: 'published' } as never })).id
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#0b6b50' } })
    .png()
    .toBuffer()
  const created = await t.payload.create({
    collection: 'media',
    data: { alt: '示意图' },
    file: { data: png, mimetype: 'image/png', name: 'diagram.png', size: png.length },
  })
  media = { id: created.id, url: String(created.url), filename: String(created.filename), mimeType: String(created.mimeType) }
})
afterAll(async () => {
  await t?.close()
})

describe('upload nodes in rich text must name an existing media document', () => {
  it('refuses a forged value object carrying a javascript: URL on a draft save', async () => {
    await expectRefused('POST', '/lessons?draft=true', 'lessons', { ...validData('lessons', { theme }), body: bodyWithUpload(forgedObject()) }, 'body')
  })

  it('refuses an unknown media id, as a plain id and as an object, on a draft save', async () => {
    await expectRefused('POST', '/lessons?draft=true', 'lessons', { ...validData('lessons', { theme }), body: bodyWithUpload(missingId()) }, 'body')
    await expectRefused(
      'POST',
      '/lessons?draft=true',
      'lessons',
      { ...validData('lessons', { theme }), body: bodyWithUpload({ id: missingId(), url: '/x.png', mimeType: 'image/png' }) },
      'body',
    )
  })

  it('refuses a value object without an id, a non-media upload and a malformed value', async () => {
    const data = validData('lessons', { theme })
    await expectRefused(
      'POST',
      '/lessons?draft=true',
      'lessons',
      { ...data, body: bodyWithUpload({ url: 'javascript:alert(1)', mimeType: 'application/pdf' }) },
      'body',
    )
    await expectRefused('POST', '/lessons?draft=true', 'lessons', { ...data, body: bodyWithUpload(media.id, 'users') }, 'body')
    await expectRefused('POST', '/lessons?draft=true', 'lessons', { ...data, body: bodyWithUpload([media.id]) }, 'body')
  })

  it('refuses forged uploads in every rich-text field, on update as on create', async () => {
    const practiceActivity = { title: '小练习', instructions: bodyWithUpload(forgedObject()) }
    await expectRefused('PATCH', `/lessons/${lesson}?draft=true`, 'lessons', { practiceActivity }, 'practiceActivity.instructions')
    await expectRefused(
      'POST',
      '/case-studies?draft=true',
      'case-studies',
      { ...validData('case-studies', { theme }), strategy: bodyWithUpload(forgedObject()) },
      'strategy',
    )
    await expectRefused(
      'POST',
      '/lesson-plans?draft=true',
      'lesson-plans',
      { ...validData('lesson-plans', { theme, lesson }), handoutContent: bodyWithUpload(forgedObject()) },
      'handoutContent',
    )
    await expectRefused(
      'POST',
      '/activity-plans?draft=true',
      'activity-plans',
      { ...validData('activity-plans', { theme }), overview: bodyWithUpload(missingId()) },
      'overview',
    )
    const stored = await t.payload.findByID({ collection: 'lessons', id: lesson, depth: 0, draft: true })
    expect(JSON.stringify(stored.practiceActivity)).not.toContain('javascript:')
  })

  it('refuses a forged upload when a reviewer publishes', async () => {
    await expectRefused('PATCH', `/lessons/${lesson}`, 'lessons', { _status: 'published', body: bodyWithUpload(forgedObject()) }, 'body', 'reviewer')
    await expectRefused('PATCH', `/lessons/${lesson}`, 'lessons', { _status: 'published', body: bodyWithUpload(missingId()) }, 'body', 'reviewer')
    const published = await t.payload.findByID({ collection: 'lessons', id: lesson, depth: 0 })
    expect(JSON.stringify(published.body)).not.toContain('upload')
  })

  it('accepts a real media id, and stores a faithful value object as just its id', async () => {
    const asId = await t.rest('POST', '/lessons?draft=true', { as: 'editor', body: { ...validData('lessons', { theme }), body: bodyWithUpload(media.id) } })
    expect(asId.status, JSON.stringify(asId.json)).toBe(201)
    const asObject = await t.rest('POST', '/lessons?draft=true', {
      as: 'editor',
      body: { ...validData('lessons', { theme }), body: bodyWithUpload({ ...media, alt: '示意图' }) },
    })
    expect(asObject.status, JSON.stringify(asObject.json)).toBe(201)
    const stored = await t.payload.findByID({ collection: 'lessons', id: asObject.json.doc.id, depth: 0, draft: true })
    const node = (stored.body as unknown as { root: { children: { type: string; value?: unknown }[] } }).root.children.find((child) => child.type === 'upload')
    expect(node?.value).toEqual(media.id)
    const published = await t.rest('PATCH', `/lessons/${asId.json.doc.id}`, { as: 'reviewer', body: { _status: 'published' } })
    expect(published.status, JSON.stringify(published.json)).toBe(200)
  })
})
