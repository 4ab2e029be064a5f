import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { crc32 } from 'node:zlib'
import type { CollectionSlug } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { richTextOf } from '../fixtures/richText.ts'
import { startTestPayload, type TestPayload, type TestRole } from '../helpers/testPayload.ts'

// Issue 12, defects 7, 8, 9 (API side) and bidi-control file names: what
// uploads keep, who may change media that is live, and who may see media.
type Id = string | number

let t: TestPayload
let dir: string
let refs: { theme: Id; lesson: Id }
let clipA: string
let clipB: string

const VTT = 'WEBVTT\n\n00:00:00.500 --> 00:00:02.000\n先听孩子把话说完。\n'
const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 1800/100' }

const run = promisify(execFile)
async function makeClip(file: string, colour: string): Promise<string> {
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `color=c=${colour}:size=160x120:rate=10:duration=1`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    file,
  ])
  return file
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gongyu-media-safety-'))
  ;[t, clipA, clipB] = await Promise.all([startTestPayload(), makeClip(path.join(dir, 'a.mp4'), 'red'), makeClip(path.join(dir, 'b.mp4'), 'blue')])
  const theme = await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })
  const lesson = await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme: theme.id }), _status: 'published' } as never })
  refs = { theme: theme.id, lesson: lesson.id }
}, 120_000)
afterAll(async () => {
  await t?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name)
  writeFileSync(file, bytes)
  return file
}

/** Uploads bytes under a chosen file name through the guard and REST, as the admin does. */
function upload(
  method: 'POST' | 'PATCH',
  apiPath: string,
  bytes: Buffer,
  options: { as: TestRole; type: string; filename: string; data?: Record<string, unknown> },
) {
  return t.upload(method, apiPath, { bytes, filename: options.filename, type: options.type }, { as: options.as, data: options.data })
}

/** GETs a stored file through `/api/<collection>/file/<name>`, as anyone or as a role. */
async function fetchFile(collection: string, filename: string, as?: TestRole): Promise<{ status: number; bytes: Buffer }> {
  const request = new Request(`http://localhost:3000/api/${collection}/file/${encodeURIComponent(filename)}`, {
    headers: as ? { authorization: `JWT ${t.users[as].token}` } : {},
  })
  const response = await t.send(request)
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) }
}

const png = (colour: string) =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: colour } })
    .png()
    .toBuffer()

/** Creates a media, video or caption document as the system. */
async function createMedia(collection: 'media' | 'videos' | 'captions', name: string): Promise<{ id: Id; filename: string }> {
  const file =
    collection === 'media'
      ? write(`${name}.png`, await png('#336699'))
      : collection === 'captions'
        ? write(`${name}.vtt`, VTT)
        : write(`${name}.mp4`, readFileSync(clipA))
  const data = collection === 'media' ? { alt: name } : collection === 'videos' ? { title: name } : { language: 'zh-CN' }
  const doc = await t.payload.create({ collection, data: data as never, filePath: file })
  return { id: doc.id, filename: String(doc.filename) }
}

/** A micro-lesson using a video, captions and a poster, published or draft. */
async function microLessonUsing(media: { video?: Id; captions?: Id; poster?: Id }, status: 'published' | 'draft'): Promise<Id> {
  const doc = await t.payload.create({
    collection: 'micro-lessons',
    data: { ...validData('micro-lessons', refs), ...media, _status: status } as never,
    draft: status === 'draft',
  })
  return doc.id
}

/** A Lexical document with a paragraph and an upload node naming a media document. */
function bodyWithImage(mediaId: Id) {
  const body = richTextOf('正文里有一张图。')
  const node = { type: 'upload', version: 3, format: '', id: 'aaaaaaaaaaaaaaaaaaaaaaaa', fields: null, relationTo: 'media', value: mediaId }
  return { root: { ...body.root, children: [...body.root.children, node] } }
}

const idsOf = (json: { docs?: { id: Id }[] }) => (json.docs ?? []).map((doc) => String(doc.id))

describe('photo metadata (defect 7)', () => {
  it('strips EXIF (GPS included) from a JPEG and keeps its orientation applied', async () => {
    const original = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#cc8844' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 1' }, IFD3: GPS })
      .toBuffer()
    const before = await sharp(original).metadata()
    expect(before.exif).toBeDefined()
    expect(before.orientation).toBe(6)
    expect(original.includes(Buffer.from('PhoneMaker'))).toBe(true)

    const { status, json } = await upload('POST', '/media', original, {
      as: 'editor',
      type: 'image/jpeg',
      filename: 'family-photo.jpg',
      data: { alt: '家庭照片' },
    })
    expect(status, JSON.stringify(json)).toBe(201)
    for (const filename of [json.doc.filename, json.doc.sizes?.card?.filename].filter(Boolean)) {
      const stored = await fetchFile('media', filename, 'editor')
      expect(stored.status).toBe(200)
      const after = await sharp(stored.bytes).metadata()
      expect(after.exif, filename).toBeUndefined()
      expect(after.xmp, filename).toBeUndefined()
      expect(after.iptc, filename).toBeUndefined()
      expect(after.orientation ?? 1, filename).toBe(1)
      expect(stored.bytes.includes(Buffer.from('PhoneMaker')), filename).toBe(false)
    }
    // Orientation 6 means "rotate 90°": the stored 40×20 photo stands upright as 20×40.
    expect([json.doc.width, json.doc.height]).toEqual([20, 40])
  })

  it('strips EXIF and XMP from WebP, and text chunks from PNG', async () => {
    const webp = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#448844' } })
      .webp()
      .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: GPS })
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description>幸福小区3号楼</rdf:Description></rdf:RDF></x:xmpmeta>',
      )
      .toBuffer()
    expect((await sharp(webp).metadata()).exif).toBeDefined()
    // A tEXt chunk (as cameras and editors write "Comment" or "Location") inserted before IEND.
    const plain = await png('#884444')
    const text = Buffer.concat([Buffer.from('tEXt'), Buffer.from('Comment\0home: Xingfu Garden 3-2-501', 'latin1')])
    const chunk = Buffer.concat([Buffer.alloc(4), text, Buffer.alloc(4)])
    chunk.writeUInt32BE(text.length - 4, 0)
    chunk.writeUInt32BE(crc32(text), chunk.length - 4)
    const withText = Buffer.concat([plain.subarray(0, plain.length - 12), chunk, plain.subarray(plain.length - 12)])
    expect(withText.includes(Buffer.from('Xingfu'))).toBe(true)
    expect((await sharp(withText).metadata()).width).toBe(8)

    for (const [bytes, type, filename, secret] of [
      [webp, 'image/webp', 'photo.webp', 'PhoneMaker'],
      [withText, 'image/png', 'drawing.png', 'Xingfu'],
    ] as const) {
      const { status, json } = await upload('POST', '/media', bytes, { as: 'editor', type, filename, data: { alt: '图片' } })
      expect(status, JSON.stringify(json)).toBe(201)
      const stored = await fetchFile('media', json.doc.filename, 'editor')
      const after = await sharp(stored.bytes).metadata()
      expect(after.exif, filename).toBeUndefined()
      expect(after.xmp, filename).toBeUndefined()
      expect(stored.bytes.includes(Buffer.from(secret)), filename).toBe(false)
      expect(stored.bytes.includes(Buffer.from('幸福小区')), filename).toBe(false)
    }
  })
})

describe('live media needs review (defect 8)', () => {
  let video: { id: Id; filename: string }
  let captions: { id: Id; filename: string }
  let poster: { id: Id; filename: string }

  beforeAll(async () => {
    ;[video, captions, poster] = [
      await createMedia('videos', 'live-video'),
      await createMedia('captions', 'live-captions'),
      await createMedia('media', 'live-poster'),
    ]
    await microLessonUsing({ video: video.id, captions: captions.id, poster: poster.id }, 'published')
  })

  it('refuses an editor replacing the file of a video, captions or image that a published micro-lesson uses, in Chinese', async () => {
    const attempts = [
      upload('PATCH', `/videos/${video.id}`, readFileSync(clipB), { as: 'editor', type: 'video/mp4', filename: 'replacement.mp4' }),
      upload('PATCH', `/captions/${captions.id}`, Buffer.from(VTT.replace('先听', '别听')), { as: 'editor', type: 'text/vtt', filename: 'replacement.vtt' }),
      upload('PATCH', `/media/${poster.id}`, await png('#000000'), { as: 'editor', type: 'image/png', filename: 'replacement.png' }),
    ]
    for (const { status, json } of await Promise.all(attempts)) {
      expect(status, JSON.stringify(json)).toBe(403)
      expect(json.errors[0].message).toContain('请上传一个新文件，把它关联到该内容的草稿并提交审核')
    }
    const stored = await t.payload.findByID({ collection: 'videos', id: video.id, depth: 0 })
    expect(stored.filename).toBe(video.filename)
    expect((await t.payload.findByID({ collection: 'captions', id: captions.id, depth: 0 })).filename).toBe(captions.filename)
    expect((await t.payload.findByID({ collection: 'media', id: poster.id, depth: 0 })).filename).toBe(poster.filename)
    const jobs = await t.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'transcodeVideo' } }, limit: 0, pagination: false, depth: 0 })
    expect(jobs.docs.filter((job) => (job.input as { videoId?: string }).videoId === String(video.id))).toHaveLength(1)
  })

  it('refuses an editor changing what visitors see of live media (alt text, caption language), but not an internal title', async () => {
    for (const [collection, id, body] of [
      ['media', poster.id, { alt: '换掉的替代文字' }],
      ['captions', captions.id, { language: 'en' }],
    ] as const) {
      const { status, json } = await t.rest('PATCH', `/${collection}/${id}`, { as: 'editor', body })
      expect(status, `${collection} ${JSON.stringify(json)}`).toBe(403)
    }
    expect((await t.payload.findByID({ collection: 'media', id: poster.id, depth: 0 })).alt).toBe('live-poster')
    expect((await t.rest('PATCH', `/videos/${video.id}`, { as: 'editor', body: { title: '内部说明' } })).status).toBe(200)
  })

  it('lets an editor replace files nothing published uses (a new upload, or one only a draft uses)', async () => {
    const loose = await createMedia('videos', 'loose-video')
    const inDraft = await createMedia('captions', 'draft-captions')
    await microLessonUsing({ captions: inDraft.id }, 'draft')
    expect((await upload('PATCH', `/videos/${loose.id}`, readFileSync(clipB), { as: 'editor', type: 'video/mp4', filename: 'new-take.mp4' })).status).toBe(200)
    expect((await upload('PATCH', `/captions/${inDraft.id}`, Buffer.from(VTT), { as: 'editor', type: 'text/vtt', filename: 'new-captions.vtt' })).status).toBe(
      200,
    )
  })

  it('lets a reviewer replace a live file (the reviewer is the review)', async () => {
    const { status, json } = await upload('PATCH', `/captions/${captions.id}`, Buffer.from(VTT), { as: 'reviewer', type: 'text/vtt', filename: 'reviewed.vtt' })
    expect(status, JSON.stringify(json)).toBe(200)
  })

  it('lets only reviewers and admins create, change or delete themes, which are public as soon as they exist', async () => {
    const theme = await t.payload.create({ collection: 'themes', data: validData('themes', refs) as never })
    const created = await t.rest('POST', '/themes', { as: 'editor', body: validData('themes', refs) })
    expect(created.status).toBe(403)
    expect((await t.rest('PATCH', `/themes/${theme.id}`, { as: 'editor', body: { name: '编辑改的主题名' } })).status).toBe(403)
    expect((await t.rest('DELETE', `/themes/${theme.id}`, { as: 'editor' })).status).toBe(403)
    expect((await t.rest('PATCH', `/themes/${theme.id}`, { as: 'reviewer', body: { description: '审核改的说明' } })).status).toBe(200)
    expect((await t.rest('POST', '/themes', { as: 'reviewer', body: validData('themes', refs) })).status).toBe(201)
  })
})

describe('only media that published content uses is public (defect 9)', () => {
  const used: Record<'media' | 'videos' | 'captions', { id: Id; filename: string }[]> = { media: [], videos: [], captions: [] }
  const unused: typeof used = { media: [], videos: [], captions: [] }

  beforeAll(async () => {
    for (const collection of ['media', 'videos', 'captions'] as const) {
      used[collection].push(await createMedia(collection, `used-${collection}`))
      unused[collection].push(await createMedia(collection, `loose-${collection}`), await createMedia(collection, `draft-${collection}`))
    }
    await microLessonUsing({ video: used.videos[0]?.id, captions: used.captions[0]?.id }, 'published')
    await microLessonUsing({ video: unused.videos[1]?.id, captions: unused.captions[1]?.id, poster: unused.media[1]?.id }, 'draft')
    // The used image is shown through an upload node in a published lesson's body.
    await t.payload.create({
      collection: 'lessons',
      data: { ...validData('lessons', refs), body: bodyWithImage(used.media[0]?.id as Id), _status: 'published' } as never,
    })
  })

  for (const collection of ['media', 'videos', 'captions'] as const) {
    it(`${collection}: visitors and org-admins list and read only what published content uses; staff read all`, async () => {
      const usedIds = used[collection].map((doc) => String(doc.id))
      const unusedIds = unused[collection].map((doc) => String(doc.id))
      for (const as of [undefined, 'orgAdminA'] as const) {
        const listed = idsOf((await t.rest('GET', `/${collection}?limit=100&depth=0`, { as })).json)
        expect(listed, String(as)).toEqual(expect.arrayContaining(usedIds))
        for (const id of unusedIds) {
          expect(listed, `${as} lists ${collection} ${id}`).not.toContain(id)
          expect((await t.rest('GET', `/${collection}/${id}`, { as })).status, `${as} reads ${collection} ${id}`).toBeGreaterThanOrEqual(403)
        }
      }
      const staff = idsOf((await t.rest('GET', `/${collection}?limit=100&depth=0`, { as: 'editor' })).json)
      expect(staff).toEqual(expect.arrayContaining([...usedIds, ...unusedIds]))
    })

    it(`${collection}: the file route serves visitors only files published content uses`, async () => {
      expect((await fetchFile(collection, used[collection][0]?.filename as string)).status).toBe(200)
      for (const doc of unused[collection]) {
        const anonymous = await fetchFile(collection, doc.filename)
        expect(anonymous.status, doc.filename).toBe(403)
        expect((await fetchFile(collection, doc.filename, 'editor')).status, doc.filename).toBe(200)
      }
    })
  }

  it('GraphQL answers visitors the same way', async () => {
    const { json } = await t.graphql('{ Videos(limit: 100) { docs { id } } Captions(limit: 100) { docs { id } } allMedia(limit: 100) { docs { id } } }')
    expect(json.errors, JSON.stringify(json.errors)).toBeUndefined()
    for (const [collection, field] of [
      ['videos', 'Videos'],
      ['captions', 'Captions'],
      ['media', 'allMedia'],
    ] as const) {
      const listed = (json.data[field].docs as { id: Id }[]).map((doc) => String(doc.id))
      expect(listed, collection).toEqual(expect.arrayContaining(used[collection].map((doc) => String(doc.id))))
      for (const doc of unused[collection]) expect(listed, collection).not.toContain(String(doc.id))
    }
  })

  it('makes a video public the moment content using it is published, and private again when it is unpublished', async () => {
    const video = await createMedia('videos', 'published-later')
    const readable = async () => (await t.rest('GET', `/videos/${video.id}?depth=0`)).status === 200
    expect(await readable()).toBe(false)
    const microLesson = await microLessonUsing({ video: video.id }, 'published')
    expect(await readable()).toBe(true)
    await t.payload.update({ collection: 'micro-lessons', id: microLesson, data: { _status: 'draft' } as never })
    expect(await readable()).toBe(false)
  })
})

describe('file names with bidi and other invisible controls (Low)', () => {
  const names = ['photo\u202Egpj.exe', 'a\u2066b\u2069c', 'zero\u200Bwidth', 'soft\u00ADhyphen', 'line\u2028break']
  const kinds: [CollectionSlug, string, string, () => Promise<Buffer>, Record<string, unknown>][] = [
    ['media', 'image/png', '.png', () => png('#123456'), { alt: '图' }],
    ['captions', 'text/vtt', '.vtt', async () => Buffer.from(VTT), {}],
    ['videos', 'video/mp4', '.mp4', async () => readFileSync(clipA), { title: '视频' }],
  ]
  for (const [collection, type, extension, bytes, data] of kinds) {
    it(`${collection}: refuses them with a Chinese 400 and stores nothing`, async () => {
      const before = (await t.payload.count({ collection })).totalDocs
      for (const name of names) {
        const { status, json } = await upload('POST', `/${collection}`, await bytes(), { as: 'editor', type, filename: `${name}${extension}`, data })
        expect(status, `${JSON.stringify(name)} ${JSON.stringify(json)}`).toBe(400)
        expect(json.errors[0].message).toContain('文件名里有不可见或会改变文字方向的字符')
      }
      expect((await t.payload.count({ collection })).totalDocs).toBe(before)
      expect((await upload('POST', `/${collection}`, await bytes(), { as: 'editor', type, filename: `正常的名字${extension}`, data })).status).toBe(201)
    })
  }
})
