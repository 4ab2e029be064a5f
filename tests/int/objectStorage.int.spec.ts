import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IMMUTABLE, SHORT_REVALIDATED } from '../../site/scripts/cacheRules.ts'
import { type PublishStep, publishSite } from '../../site/scripts/publishSite.ts'
import { type RunningS3, seaweedfsBinary, startSeaweedFS } from '../helpers/seaweedfs.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

const run = promisify(execFile)
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))
const BUCKET = 'gongyu-test'
const S3_VARIABLES = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

// Object storage does not depend on the database: it runs once, in the SQLite project.
const onSqlite = process.env.GONGYU_TEST_DATABASE === 'sqlite'
const binary = onSqlite ? seaweedfsBinary() : { missing: 'not the SQLite project' }
if ('missing' in binary && onSqlite) console.warn(`\n⚠ SKIPPED object storage tests: SeaweedFS could not be built: ${binary.missing}\n`)

describe.skipIf(!('path' in binary))('object storage against a real S3 server (SeaweedFS)', () => {
  let s3: RunningS3
  let t: TestPayload
  let work: string
  const saved = new Map<string, string | undefined>()

  beforeAll(async () => {
    s3 = await startSeaweedFS((binary as { path: string }).path)
    await s3.createBucket(BUCKET)
    for (const [name, value] of Object.entries(s3.env(BUCKET))) {
      saved.set(name, process.env[name])
      process.env[name] = value
    }
    work = mkdtempSync(path.join(tmpdir(), 'gongyu-s3-'))
    t = await startTestPayload()
  })
  afterAll(async () => {
    await t?.close()
    await s3?.stop()
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    if (work) rmSync(work, { recursive: true, force: true })
  })

  async function objectBytes(key: string): Promise<Buffer> {
    const response = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
    return Buffer.from(await (response.Body as { transformToByteArray: () => Promise<Uint8Array> }).transformToByteArray())
  }
  const head = (key: string) => s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))
  async function keysUnder(prefix: string): Promise<string[]> {
    const page = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))
    return (page.Contents ?? []).map((object) => object.Key as string).sort()
  }

  it('stores an uploaded image and its resized copy in the bucket, not on disk, and serves it back through Payload to staff', async () => {
    const image = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2a6' } })
      .png()
      .toBuffer()
    const doc = await t.payload.create({
      collection: 'media',
      data: { alt: '存储桶测试图片' },
      file: { data: image, mimetype: 'image/png', name: 's3-image.png', size: image.length },
    })
    expect(doc.filename).toBe('s3-image.png')
    expect(await objectBytes('uploads/media/s3-image.png')).toEqual(image)
    const card = doc.sizes?.card?.filename as string
    expect(card).toMatch(/^s3-image-640x\d+\.png$/)
    expect((await sharp(await objectBytes(`uploads/media/${card}`)).metadata()).width).toBe(640)
    expect(existsSync(path.join(t.dataDir, 'uploads', 'media', 's3-image.png'))).toBe(false)

    // Payload's access rules still decide: an image no published page uses is for staff only.
    const fileUrl = 'http://localhost:3000/api/media/file/s3-image.png'
    expect((await t.send(new Request(fileUrl))).status).toBe(403)
    const served = await t.send(new Request(fileUrl, { headers: { authorization: `JWT ${t.users.editor.token}` } }))
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer())).toEqual(image)
  })

  it('stores captions in the bucket', async () => {
    const vtt = Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\n存储桶字幕\n')
    const doc = await t.payload.create({
      collection: 'captions',
      data: { language: 'zh-CN' },
      file: { data: vtt, mimetype: 'text/vtt', name: 's3-captions.vtt', size: vtt.length },
    })
    expect(await objectBytes(`uploads/captions/${doc.filename}`)).toEqual(vtt)
  })

  it('transcodes a video read from the bucket and puts its ladder and poster there; a new file replaces the old ladder, deleting the video removes it', async () => {
    const clip = path.join(work, 'clip.mp4')
    // 3 s, 320×240 with a tone: one 240p rung and the audio-only variant.
    await run('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=3', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3:sample_rate=48000'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k', clip],
    ])
    const created = await t.payload.create({ collection: 'videos', data: { title: '存储桶视频' }, filePath: clip })
    expect(await objectBytes(`uploads/videos/${created.filename}`)).toEqual(readFileSync(clip))
    await t.payload.jobs.run({ queue: 'video', sequential: true })
    const video = await t.payload.findByID({ collection: 'videos', id: created.id, depth: 0 })
    expect(video.transcodeStatus).toBe('ready')
    const folder = path.posix.dirname(String(video.masterPlaylist))
    expect(folder).toMatch(new RegExp(`^${video.id}/[0-9a-f]{16}$`))

    const keys = await keysUnder(`media/hls/${video.id}/`)
    const inFolder = (name: string) => `media/hls/${folder}/${name}`
    expect(keys).toEqual(expect.arrayContaining([inFolder('master.m3u8'), inFolder('240p/index.m3u8'), inFolder('audio/index.m3u8'), inFolder('poster.jpg')]))
    expect(keys.every((key) => key.startsWith(`media/hls/${folder}/`))).toBe(true)
    const segments = keys.filter((key) => key.endsWith('.m4s'))
    expect(segments.length).toBeGreaterThan(0)
    expect((await head(inFolder('master.m3u8'))).ContentType).toBe('application/vnd.apple.mpegurl')
    expect((await head(segments[0] as string)).ContentType).toBe('video/iso.segment')
    expect((await head(inFolder('poster.jpg'))).ContentType).toBe('image/jpeg')
    expect((await objectBytes(inFolder('master.m3u8'))).toString()).toContain('240p/index.m3u8')
    // The bucket holds the ladder; the CMS's disk keeps no copy.
    expect(existsSync(path.join(t.dataDir, 'hls', String(video.id)))).toBe(false)

    // Another file: a new versioned folder, and the old one is gone from the bucket.
    const longer = path.join(work, 'longer.mp4')
    await run('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=660:duration=2:sample_rate=48000'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k', longer],
    ])
    await t.payload.update({ collection: 'videos', id: video.id, data: {}, filePath: longer })
    await t.payload.jobs.run({ queue: 'video', sequential: true })
    const replaced = await t.payload.findByID({ collection: 'videos', id: video.id, depth: 0 })
    expect(replaced.transcodeStatus).toBe('ready')
    const newFolder = path.posix.dirname(String(replaced.masterPlaylist))
    expect(newFolder).not.toBe(folder)
    const after = await keysUnder(`media/hls/${video.id}/`)
    expect(after).toContain(`media/hls/${newFolder}/master.m3u8`)
    expect(after.every((key) => key.startsWith(`media/hls/${newFolder}/`))).toBe(true)

    await t.payload.delete({ collection: 'videos', id: video.id })
    expect(await keysUnder(`media/hls/${video.id}/`)).toEqual([])
  })

  it('writes the published export to the bucket as well as to disk', async () => {
    const { writePublishedExport } = await import('../../cms/src/publishing/writePublishedExport.ts')
    const { file, content } = await writePublishedExport(t.payload)
    const stored = await objectBytes('export/published.json')
    expect(stored.toString()).toBe(readFileSync(file, 'utf8'))
    expect(JSON.parse(stored.toString()).generatedAt).toBe(content.generatedAt)
    expect((await head('export/published.json')).ContentType).toBe('application/json; charset=utf-8')
  })

  it('makes exactly the captions of published videos public, where the site links them, and withdraws the rest', async () => {
    const { syncPublicCaptions } = await import('../../cms/src/storage/publicCaptions.ts')
    const { s3Settings } = await import('../../cms/src/storage/s3Settings.ts')
    const vtt = (text: string) => Buffer.from(`WEBVTT\n\n00:00.000 --> 00:02.000\n${text}\n`)
    const put = (key: string, body: Buffer) => s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: 'text/vtt' }))
    await put('uploads/captions/告别 小仪式.vtt', vtt('告别'))
    await put('uploads/captions/draft-only.vtt', vtt('草稿'))
    // Public from an earlier export, its video since unpublished.
    await put('media/captions/unpublished.vtt', vtt('旧的'))
    const settings = s3Settings()
    if (!settings) throw new Error('the bucket settings are not set')
    expect(await syncPublicCaptions(settings, ['告别 小仪式.vtt'])).toEqual({ copied: 1, removed: 1 })
    expect(await keysUnder('media/captions/')).toEqual(['media/captions/告别 小仪式.vtt'])
    expect((await objectBytes('media/captions/告别 小仪式.vtt')).toString()).toContain('告别')
    const copied = await head('media/captions/告别 小仪式.vtt')
    expect(copied.ContentType).toBe('text/vtt; charset=utf-8')
    expect(copied.CacheControl).toBe('public, max-age=86400')
    // The private upload stays where it was.
    expect(await keysUnder('uploads/captions/draft-only')).toEqual(['uploads/captions/draft-only.vtt'])
    expect(await syncPublicCaptions(settings, [])).toEqual({ copied: 0, removed: 1 })
    expect(await keysUnder('media/captions/')).toEqual([])
  })

  it('backs up the bucket with the database, and restores into a fresh folder and an empty bucket', async () => {
    const { writeBackup } = await import('../../cms/src/backup/writeBackup.ts')
    const { restoreBackup } = await import('../../cms/src/backup/restoreBackup.ts')
    // A ladder of its own: the transcode test deleted its video.
    const ladderKey = 'media/hls/77/0123456789abcdef/master.m3u8'
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: ladderKey, Body: '#EXTM3U\n' }))
    const sourceEnv = { ...process.env, GONGYU_DATA_DIR: t.dataDir, DATABASE_URI: `file:${path.join(t.dataDir, 'test.db')}` }
    const backup = await writeBackup({ env: sourceEnv, archive: path.join(work, 'bucket.tar.gz') })
    const archived = backup.manifest.files.map((file) => file.path)
    expect(archived).toEqual(expect.arrayContaining(['files/uploads/media/s3-image.png', 'files/hls/77/0123456789abcdef/master.m3u8']))
    expect(archived.some((file) => file.startsWith('files/uploads/captions/'))).toBe(true)

    const restoredBucket = 'gongyu-restored'
    await s3.createBucket(restoredBucket)
    const restoredDir = mkdtempSync(path.join(work, 'restored-'))
    const restoredEnv = { ...process.env, ...s3.env(restoredBucket), GONGYU_DATA_DIR: restoredDir, DATABASE_URI: `file:${path.join(restoredDir, 'test.db')}` }
    const result = await restoreBackup({ archive: backup.archive, env: restoredEnv })
    expect(result.differences).toEqual([])
    const restoredObject = async (key: string) => {
      const response = await s3.client.send(new GetObjectCommand({ Bucket: restoredBucket, Key: key }))
      return Buffer.from(await (response.Body as { transformToByteArray: () => Promise<Uint8Array> }).transformToByteArray())
    }
    expect(await restoredObject('uploads/media/s3-image.png')).toEqual(await objectBytes('uploads/media/s3-image.png'))
    expect((await restoredObject(ladderKey)).toString()).toBe('#EXTM3U\n')
    expect((await s3.client.send(new HeadObjectCommand({ Bucket: restoredBucket, Key: 'uploads/media/s3-image.png' }))).ContentType).toBe('image/png')
    // The files went to the bucket, not to the restored data folder.
    expect(existsSync(path.join(restoredDir, 'uploads', 'media', 's3-image.png'))).toBe(false)

    // The bucket now holds files: another restore into it is refused before anything changes.
    const another = mkdtempSync(path.join(work, 'another-'))
    await expect(
      restoreBackup({ archive: backup.archive, env: { ...restoredEnv, GONGYU_DATA_DIR: another, DATABASE_URI: `file:${path.join(another, 'test.db')}` } }),
    ).rejects.toThrow(/不是空的/)
  })

  describe('npm run publish:site', () => {
    function writeBuild(name: string, files: Record<string, string>): string {
      const dist = path.join(work, name)
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dist, file)), { recursive: true })
        writeFileSync(path.join(dist, file), text)
      }
      return dist
    }

    it('uploads a build with content types and cache rules, files before pages, and deletes what is gone only afterwards', async () => {
      // What the CMS keeps in the same bucket, which publishing must never delete.
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'media/hls/999/0123456789abcdef/master.m3u8', Body: '#EXTM3U\n' }))
      const first = writeBuild('first', {
        'index.html': '<!doctype html><title>共育</title><script src="/_astro/app.aaaa1111.js"></script>',
        'lessons/one/index.html': '<!doctype html><title>第一课</title>',
        '_astro/app.aaaa1111.js': 'console.log(1)',
        'search/index.json': '{"records":[]}',
        'feed.xml': '<rss/>',
      })
      const result = await run(process.execPath, [path.join(repositoryRoot, 'site/scripts/publishSiteCli.ts'), first], {
        env: { ...process.env, ...s3.env(BUCKET) },
      })
      expect(result.stdout).toContain('上传 5 个文件')

      const index = await head('index.html')
      expect(index.ContentType).toBe('text/html; charset=utf-8')
      expect(index.CacheControl).toBe(SHORT_REVALIDATED)
      const script = await head('_astro/app.aaaa1111.js')
      expect(script.ContentType).toBe('text/javascript; charset=utf-8')
      expect(script.CacheControl).toBe(IMMUTABLE)
      expect((await head('search/index.json')).ContentType).toBe('application/json; charset=utf-8')
      expect((await head('feed.xml')).ContentType).toBe('application/xml; charset=utf-8')

      const second = writeBuild('second', {
        'index.html': '<!doctype html><title>共育 2</title><script src="/_astro/app.bbbb2222.js"></script>',
        '_astro/app.aaaa1111.js': 'console.log(1)',
        '_astro/app.bbbb2222.js': 'console.log(2)',
        'search/index.json': '{"records":[1]}',
        'feed.xml': '<rss/>',
      })
      const steps: PublishStep[] = []
      const summary = await publishSite({ dist: second, bucket: BUCKET, client: s3.client, onStep: (step) => steps.push(step) })
      expect(summary).toEqual({ uploaded: 4, kept: 1, deleted: 1 })
      expect(steps.find((step) => step.key === '_astro/app.aaaa1111.js')?.action).toBe('keep')
      const order = steps.map((step) => `${step.action} ${step.key}`)
      // Every file before the page that uses it, and the page before the deletion.
      expect(order.indexOf('upload _astro/app.bbbb2222.js')).toBeLessThan(order.indexOf('upload index.html'))
      expect(order.at(-2)).toBe('upload index.html')
      expect(order.at(-1)).toBe('delete lessons/one/index.html')

      expect((await objectBytes('index.html')).toString()).toContain('共育 2')
      expect((await objectBytes('search/index.json')).toString()).toBe('{"records":[1]}')
      expect(await keysUnder('lessons/')).toEqual([])
      expect(await keysUnder('media/hls/999/')).toEqual(['media/hls/999/0123456789abcdef/master.m3u8'])
      expect(await keysUnder('export/')).toEqual(['export/published.json'])
      expect((await keysUnder('uploads/media/')).length).toBeGreaterThan(0)
    })

    it('refuses to publish without the bucket settings or without a build, in Chinese', async () => {
      const env = { ...process.env }
      for (const name of S3_VARIABLES) delete env[name]
      const cli = path.join(repositoryRoot, 'site/scripts/publishSiteCli.ts')
      const noBucket = await run(process.execPath, [cli, work], { env }).catch((error) => error)
      expect(noBucket.code).toBe(1)
      expect(noBucket.stderr).toContain('缺少 S3_BUCKET')
      const noBuild = await run(process.execPath, [cli, path.join(work, 'nothing')], { env: { ...env, ...s3.env(BUCKET) } }).catch((error) => error)
      expect(noBuild.code).toBe(1)
      expect(noBuild.stderr).toContain('请先运行 npm run build:site')
    })
  })
})
