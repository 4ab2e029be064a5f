import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeVideoFixtures, oversizedFile, type VideoFixtures } from '../fixtures/videoFixtures.ts'
import { startTestPayload, type TestPayload, type TestRole } from '../helpers/testPayload.ts'

// Light checks of the upload side, on every database: the transcode itself is in videoTranscode.int.spec.ts.
const MAX_BYTES = 4 * 1024 * 1024

type Id = string | number

let t: TestPayload
let fx: VideoFixtures

beforeAll(async () => {
  process.env.GONGYU_MAX_VIDEO_BYTES = String(MAX_BYTES)
  ;[t, fx] = await Promise.all([startTestPayload(), makeVideoFixtures()])
})
afterAll(async () => {
  await t?.close()
  if (fx) rmSync(fx.dir, { recursive: true, force: true })
  delete process.env.GONGYU_MAX_VIDEO_BYTES
})

const userOf = (role: TestRole) => t.users[role].user as never

/** Sends a multipart upload through Payload's REST handler, as the admin does. */
async function restUpload(method: 'POST' | 'PATCH', apiPath: string, file: string, options: { as: TestRole; type: string; data?: Record<string, unknown> }) {
  const form = new FormData()
  form.append('file', new Blob([readFileSync(file)], { type: options.type }), path.basename(file))
  form.append('_payload', JSON.stringify(options.data ?? {}))
  // Encoded up front: a FormData body stream errors when Payload cancels it at the size limit.
  const encoded = new Response(form)
  const request = new Request(`http://localhost:3000/api${apiPath}`, {
    method,
    headers: { authorization: `JWT ${t.users[options.as].token}`, 'accept-language': 'zh', 'content-type': encoded.headers.get('content-type') ?? '' },
    body: new Uint8Array(await encoded.arrayBuffer()),
  })
  const response = await handleEndpoints({ config: t.payload.config, request })
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : null, text }
}

async function transcodeJobsFor(id: Id) {
  const { docs } = await t.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'transcodeVideo' } }, limit: 100, depth: 0 })
  return docs.filter((job) => (job.input as { videoId?: string } | null)?.videoId === String(id))
}

async function createVideo(file: string, title: string) {
  return t.payload.create({ collection: 'videos', data: { title }, filePath: file, overrideAccess: false, user: userOf('editor') })
}

describe('the transcode queue', () => {
  it('queues one transcode on the video queue for a new upload, and marks the video queued', async () => {
    const video = await createVideo(fx.clip240, '排队测试')
    expect(video.transcodeStatus).toBe('queued')
    expect(video.sourceFingerprint).toMatch(/^md5:[0-9a-f]{32}:\d+$/)
    const jobs = await transcodeJobsFor(video.id)
    expect(jobs).toHaveLength(1)
    expect(jobs[0]?.queue).toBe('video')
  })

  it('queues nothing when only the title changes, or when the job records its own progress', async () => {
    const video = await createVideo(fx.clip240, '只改标题')
    await t.payload.update({ collection: 'videos', id: video.id, data: { title: '只改标题（第二次）' }, overrideAccess: false, user: userOf('editor') })
    const viaRest = await t.rest('PATCH', `/videos/${video.id}`, { as: 'editor', body: { title: '只改标题（REST）' } })
    expect(viaRest.status).toBe(200)
    await t.payload.update({ collection: 'videos', id: video.id, data: { transcodeStatus: 'processing' }, context: { videoTranscodeJob: true } })
    expect(await transcodeJobsFor(video.id)).toHaveLength(1)
    const stored = await t.payload.findByID({ collection: 'videos', id: video.id, depth: 0 })
    expect(stored.title).toBe('只改标题（REST）')
    expect(stored.transcodeStatus).toBe('processing')
  })

  it('queues again for a file with different content, and not for the same file uploaded again', async () => {
    const video = await createVideo(fx.clip240, '更换文件')
    const before = (await t.payload.findByID({ collection: 'videos', id: video.id, depth: 0 })).sourceFingerprint
    await t.payload.update({ collection: 'videos', id: video.id, data: { transcodeStatus: 'ready' }, context: { videoTranscodeJob: true } })
    await t.payload.update({ collection: 'videos', id: video.id, data: {}, filePath: fx.clip240, overrideAccess: false, user: userOf('editor') })
    expect(await transcodeJobsFor(video.id)).toHaveLength(1)
    expect((await t.payload.findByID({ collection: 'videos', id: video.id, depth: 0 })).transcodeStatus).toBe('ready')

    const replaced = await t.payload.update({
      collection: 'videos',
      id: video.id,
      data: {},
      filePath: fx.clip480,
      overrideAccess: false,
      user: userOf('editor'),
    })
    expect(replaced.transcodeStatus).toBe('queued')
    expect(replaced.sourceFingerprint).not.toBe(before)
    expect(await transcodeJobsFor(video.id)).toHaveLength(2)
  })

  it('retries the same file uploaded again after a failure', async () => {
    const video = await createVideo(fx.clip240, '失败后重试')
    await t.payload.update({
      collection: 'videos',
      id: video.id,
      data: { transcodeStatus: 'failed', transcodeError: '转码超时' },
      context: { videoTranscodeJob: true },
    })
    const retried = await t.payload.update({
      collection: 'videos',
      id: video.id,
      data: {},
      filePath: fx.clip240,
      overrideAccess: false,
      user: userOf('editor'),
    })
    expect(retried.transcodeStatus).toBe('queued')
    expect(retried.transcodeError ?? null).toBeNull()
    expect(await transcodeJobsFor(video.id)).toHaveLength(2)
  })

  it('does not let editors write the transcode results through REST', async () => {
    const video = await createVideo(fx.clip240, '只读字段')
    const { status } = await t.rest('PATCH', `/videos/${video.id}`, {
      as: 'editor',
      body: {
        transcodeStatus: 'ready',
        masterPlaylist: '../../etc/master.m3u8',
        renditions: [{ name: 'x', width: 1, height: 1, bandwidth: 1, playlist: 'x', bytes: 1 }],
      },
    })
    expect(status).toBe(200)
    const stored = await t.payload.findByID({ collection: 'videos', id: video.id, depth: 0 })
    expect(stored.transcodeStatus).toBe('queued')
    expect(stored.masterPlaylist ?? null).toBeNull()
    expect(stored.renditions ?? []).toHaveLength(0)
  })
})

describe('refused video uploads', () => {
  it('refuses a file over GONGYU_MAX_VIDEO_BYTES with 413 and a Chinese reason, through the Local API and REST', async () => {
    const big = oversizedFile(fx.dir, MAX_BYTES + 1)
    await expect(createVideo(big, '太大')).rejects.toMatchObject({ status: 413, message: expect.stringContaining('超过上传上限 4 MB') })
    const viaRest = await restUpload('POST', '/videos', big, { as: 'editor', type: 'video/mp4', data: { title: '太大' } })
    expect(viaRest.status).toBe(413)
    expect(viaRest.text).toContain('文件超过上传大小上限 4 MB')
    const { totalDocs } = await t.payload.find({ collection: 'videos', where: { title: { equals: '太大' } }, depth: 0 })
    expect(totalDocs).toBe(0)
  })

  it('refuses a truncated MP4 at upload, explaining in Chinese', async () => {
    const { status, json } = await restUpload('POST', '/videos', fx.truncatedMp4, { as: 'editor', type: 'video/mp4', data: { title: '被截断' } })
    expect(status).toBe(400)
    expect(json.errors[0].message).toContain('视频文件不完整或已损坏')
    expect(json.errors[0].data.errors[0]).toMatchObject({ path: 'file', message: expect.stringContaining('视频文件不完整或已损坏') })
  })

  it('refuses text and playlists named .mp4 at upload, so nothing ever reads what a playlist lists', async () => {
    for (const file of [fx.textAsMp4, fx.playlistAsMp4]) {
      const { status, json } = await restUpload('POST', '/videos', file, { as: 'editor', type: 'video/mp4', data: { title: '不是视频' } })
      expect(status, file).toBe(400)
      expect(json.errors[0].message, file).toContain('只接受 MP4、MOV 或 WebM 视频文件')
    }
    const { totalDocs } = await t.payload.find({ collection: 'videos', where: { title: { equals: '不是视频' } }, depth: 0 })
    expect(totalDocs).toBe(0)
  })

  it('accepts a real video through REST (streamed to a temp file) and cleans the temp file up', async () => {
    const { status, json } = await restUpload('POST', '/videos', fx.clip240, { as: 'editor', type: 'video/mp4', data: { title: 'REST 上传' } })
    expect(status).toBe(201)
    expect(json.doc.transcodeStatus).toBe('queued')
    expect(readFileSync(path.join(t.dataDir, 'uploads', 'videos', json.doc.filename)).length).toBe(readFileSync(fx.clip240).length)
    expect(readdirSync(path.join(t.dataDir, 'tmp', 'uploads'))).toEqual([])
  })
})

describe('captions', () => {
  const write = (name: string, text: string) => {
    const file = path.join(fx.dir, name)
    writeFileSync(file, text)
    return file
  }

  it('accepts well-formed WebVTT', async () => {
    const file = write('good.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n先听孩子把话说完。\n')
    const { status } = await restUpload('POST', '/captions', file, { as: 'editor', type: 'text/vtt', data: { language: 'zh-CN' } })
    expect(status).toBe(201)
  })

  it('refuses SRT, a file without cues and a malformed timing with a Chinese 400', async () => {
    const cases: [string, string, string][] = [
      ['srt.vtt', '1\n00:00:01,000 --> 00:00:04,000\n你好\n', '必须以 “WEBVTT” 开头'],
      ['empty.vtt', 'WEBVTT\n\n', '没有字幕条目'],
      ['bad-timing.vtt', 'WEBVTT\n\n00:00:01 --> 00:00:04\n你好\n', '第 3 行的时间轴格式不对'],
    ]
    for (const [name, text, reason] of cases) {
      const { status, json } = await restUpload('POST', '/captions', write(name, text), { as: 'editor', type: 'text/vtt' })
      expect(status, name).toBe(400)
      expect(json.errors[0].message, name).toContain(reason)
    }
    await expect(
      t.payload.create({ collection: 'captions', data: {}, filePath: write('local.vtt', 'not captions'), overrideAccess: false, user: userOf('editor') }),
    ).rejects.toMatchObject({ status: 400 })
    const { totalDocs } = await t.payload.find({ collection: 'captions', depth: 0 })
    expect(totalDocs).toBe(1)
  })
})
