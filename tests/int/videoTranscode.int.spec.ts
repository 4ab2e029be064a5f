import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeVideo } from '../../cms/src/video/probeVideo.ts'
import { VideoInputError } from '../../cms/src/video/VideoInputError.ts'
import { videoLimits } from '../../cms/src/video/videoLimits.ts'
import { makeVideoFixtures, type VideoFixtures } from '../fixtures/videoFixtures.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

type Id = string | number

const onSqlite = process.env.GONGYU_TEST_DATABASE === 'sqlite'

// ffmpeg's work does not depend on the database, so the transcodes run once, in the SQLite
// project; videoUpload.int.spec.ts checks the status lifecycle on every database.
describe.skipIf(!onSqlite)('HLS transcoding (SQLite project only: transcoding does not depend on the database)', () => {
  let t: TestPayload
  let fx: VideoFixtures
  const hls = (...parts: string[]) => path.join(t.dataDir, 'hls', ...parts)
  const leftovers = () => readdirSync(path.join(t.dataDir, 'tmp', 'transcodes'))

  beforeAll(async () => {
    ;[t, fx] = await Promise.all([startTestPayload(), makeVideoFixtures()])
  })
  afterAll(async () => {
    await t?.close()
    if (fx) rmSync(fx.dir, { recursive: true, force: true })
  })

  async function uploadAndTranscode(file: string, title: string) {
    const created = await t.payload.create({ collection: 'videos', data: { title }, filePath: file, overrideAccess: false, user: t.users.editor.user as never })
    expect(created.transcodeStatus).toBe('queued')
    await t.payload.jobs.run({ queue: 'video', sequential: true })
    return t.payload.findByID({ collection: 'videos', id: created.id, depth: 0 })
  }

  function masterVariants(masterPlaylist: string | null | undefined) {
    const master = readFileSync(hls(String(masterPlaylist)), 'utf8')
    return { master, resolutions: [...master.matchAll(/RESOLUTION=(\d+)x(\d+)/g)].map((match) => Number(match[2])) }
  }

  /** The ladder's versioned folder, `<id>/<16 hex digits>`, read from its master playlist's path. */
  function ladderFolder(video: { id: Id; masterPlaylist?: string | null }): string {
    const folder = path.posix.dirname(String(video.masterPlaylist))
    expect(folder).toMatch(new RegExp(`^${video.id}/[0-9a-f]{16}$`))
    return folder
  }

  function segmentSeconds(playlist: string) {
    return [...readFileSync(hls(playlist), 'utf8').matchAll(/#EXTINF:([\d.]+)/g)].map((match) => Number(match[1]))
  }

  it('turns a 10 s 240p clip into a ready ladder in a versioned folder: one rung with its sound, an audio playlist, 4 s segments, a poster', async () => {
    const video = await uploadAndTranscode(fx.clip240, '十秒样片')
    expect(video.transcodeStatus).toBe('ready')
    expect(video.transcodeError ?? null).toBeNull()
    expect(video.durationSeconds).toBeCloseTo(10, 0)
    expect([video.width, video.height]).toEqual([426, 240])
    expect(video.hasAudio).toBe(true)
    const folder = ladderFolder(video)
    expect(video.masterPlaylist).toBe(`${folder}/master.m3u8`)
    expect(video.audioPlaylist).toBe(`${folder}/audio/index.m3u8`)
    expect(video.posterPath).toBe(`${folder}/poster.jpg`)
    expect(video.audioInRenditions).toBe(true)
    expect(readdirSync(hls(String(video.id)))).toEqual([path.posix.basename(folder)])
    expect(video.renditions?.map(({ name, width, height, playlist }) => ({ name, width, height, playlist }))).toEqual([
      { name: '240p', width: 426, height: 240, playlist: `${folder}/240p/index.m3u8` },
    ])

    // The sound is muxed into the rung (hls.js/light plays no separate audio group); 仅音频 has its own variant.
    const { master, resolutions } = masterVariants(video.masterPlaylist)
    expect(resolutions).toEqual([240])
    expect(master).not.toContain('#EXT-X-MEDIA')
    expect(master).toMatch(/RESOLUTION=426x240,CODECS="avc1\.[0-9a-f]+,mp4a\.40\.2"\n240p\/index\.m3u8/)
    expect(master).toMatch(/CODECS="mp4a\.40\.2"\naudio\/index\.m3u8/)
    const rungInit = readdirSync(hls(folder, '240p')).find((name) => name.startsWith('init_')) as string
    expect(readFileSync(hls(folder, '240p', rungInit)).includes('mp4a')).toBe(true)

    for (const playlist of [video.renditions?.[0]?.playlist as string, video.audioPlaylist as string]) {
      const durations = segmentSeconds(playlist)
      expect(durations.length).toBe(3)
      for (const seconds of durations.slice(0, -1)) expect(seconds).toBeCloseTo(4, 1)
      expect(durations.reduce((sum, seconds) => sum + seconds, 0)).toBeCloseTo(10, 0)
    }
    const rungFolder = hls(folder, '240p')
    const bytesOnDisk = readdirSync(rungFolder)
      .filter((name) => !name.endsWith('.m3u8'))
      .reduce((sum, name) => sum + statSync(path.join(rungFolder, name)).size, 0)
    expect(video.renditions?.[0]?.bytes).toBe(bytesOnDisk)
    expect(video.renditions?.[0]?.bandwidth).toBeGreaterThan(300_000)
    expect(video.audioBytes).toBeGreaterThan(0)
    expect(readFileSync(hls(folder, 'poster.jpg')).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
    expect(leftovers()).toEqual([])
  })

  it('never renders a rung above the source: a 480p source gets 240p and 360p only', async () => {
    const video = await uploadAndTranscode(fx.clip480, '480p 样片')
    expect(video.transcodeStatus).toBe('ready')
    expect(video.renditions?.map((rung) => `${rung.name} ${rung.width}x${rung.height}`)).toEqual(['240p 426x240', '360p 640x360'])
    expect(masterVariants(video.masterPlaylist).resolutions).toEqual([240, 360])
    const [low, high] = video.renditions ?? []
    expect((high?.bytes ?? 0) > (low?.bytes ?? 0)).toBe(true)
  })

  it('gives a new file new names: a new versioned folder, the old one removed, so a CDN never serves stale segments', async () => {
    const first = await uploadAndTranscode(fx.clip240, '换文件前')
    const before = ladderFolder(first)
    await t.payload.update({ collection: 'videos', id: first.id, data: {}, filePath: fx.clip480, overrideAccess: false, user: t.users.editor.user as never })
    await t.payload.jobs.run({ queue: 'video', sequential: true })
    const replaced = await t.payload.findByID({ collection: 'videos', id: first.id, depth: 0 })
    expect(replaced.transcodeStatus).toBe('ready')
    const after = ladderFolder(replaced)
    expect(after).not.toBe(before)
    for (const file of [replaced.masterPlaylist, replaced.audioPlaylist, replaced.posterPath, ...(replaced.renditions ?? []).map((rung) => rung.playlist)]) {
      expect(file?.startsWith(`${after}/`), String(file)).toBe(true)
    }
    expect(readdirSync(hls(String(first.id)))).toEqual([path.posix.basename(after)])
    expect(existsSync(hls(before))).toBe(false)
    expect(leftovers()).toEqual([])
  })

  it('re-saving only the title neither queues nor changes the ladder', async () => {
    const video = await uploadAndTranscode(fx.silent, '改标题前')
    const updated = await t.payload.update({
      collection: 'videos',
      id: video.id,
      data: { title: '改标题后' },
      overrideAccess: false,
      user: t.users.editor.user as never,
    })
    expect(updated.transcodeStatus).toBe('ready')
    expect(updated.transcodedAt).toBe(video.transcodedAt)
    const pending = await t.payload.find({ collection: 'payload-jobs', where: { queue: { equals: 'video' }, completedAt: { exists: false } }, depth: 0 })
    expect(pending.totalDocs).toBe(0)
  })

  it('plays a video without sound: a video-only ladder, no audio playlist, recorded as hasAudio false', async () => {
    const video = await uploadAndTranscode(fx.silent, '无声视频')
    expect(video.transcodeStatus).toBe('ready')
    expect(video.hasAudio).toBe(false)
    expect(video.audioPlaylist ?? null).toBeNull()
    expect(video.renditions?.map((rung) => rung.name)).toEqual(['240p'])
    expect(masterVariants(video.masterPlaylist).master).not.toContain('mp4a')
  })

  function expectFailedCleanly(
    video: { id: Id; transcodeStatus?: string | null; transcodeError?: string | null; masterPlaylist?: string | null },
    reason: string,
  ) {
    expect(video.transcodeStatus).toBe('failed')
    expect(video.transcodeError).toContain(reason)
    expect(video.masterPlaylist ?? null).toBeNull()
    expect(existsSync(hls(String(video.id)))).toBe(false)
    expect(leftovers()).toEqual([])
  }

  // Text, playlists and cut-off MP4s never get this far: Payload refuses them at upload (videoUpload.int.spec.ts).
  it.each([
    ['a truncated WebM whose header still says 10 s', 'truncatedWebm', '视频文件不完整'],
    ['an MP4 whose moov box is noise', 'corruptMp4', '无法识别的视频文件'],
  ] as const)('fails %s with a Chinese reason and leaves no output', async (_label, fixture, reason) => {
    expectFailedCleanly(await uploadAndTranscode(fx[fixture], fixture), reason)
  })

  it.each([
    ['an HLS playlist listing local files', 'playlistAsMp4', '文件内容是 HLS 播放列表'],
    ['a text file', 'textAsMp4', '文件内容是文本，不是视频'],
  ] as const)('fails a stored source replaced by %s (past the upload check) without handing it to ffmpeg', async (_label, fixture, reason) => {
    const created = await t.payload.create({ collection: 'videos', data: { title: fixture }, filePath: fx.clip240 })
    writeFileSync(path.join(t.dataDir, 'uploads', 'videos', created.filename as string), readFileSync(fx[fixture]))
    await t.payload.jobs.run({ queue: 'video', sequential: true })
    expectFailedCleanly(await t.payload.findByID({ collection: 'videos', id: created.id, depth: 0 }), reason)
  })

  it('refuses a playlist at ffprobe too, even with its own extension, without opening what it lists', async () => {
    // The content sniff runs first in the job; this checks the demuxer whitelist behind it.
    const refusal = probeVideo(fx.playlistAsM3u8, videoLimits())
    await expect(refusal).rejects.toBeInstanceOf(VideoInputError)
    await expect(refusal).rejects.toMatchObject({
      reason: expect.stringContaining('出于安全考虑已拒绝处理'),
      message: expect.stringContaining('Format not on whitelist'),
    })
    expect((await probeVideo(fx.clip240, videoLimits())).durationSeconds).toBeCloseTo(10, 0)
  })

  it('kills ffmpeg at the time limit, marks the video failed and removes the partial output', async () => {
    process.env.GONGYU_TRANSCODE_TIMEOUT_SECONDS = '0.05'
    try {
      const video = await uploadAndTranscode(fx.clip240, '超时')
      expect(video.transcodeStatus).toBe('failed')
      expect(video.transcodeError).toContain('转码超时')
      expect(existsSync(hls(String(video.id)))).toBe(false)
      expect(leftovers()).toEqual([])
    } finally {
      delete process.env.GONGYU_TRANSCODE_TIMEOUT_SECONDS
    }
  })

  it('removes the HLS folder when the video is deleted', async () => {
    const video = await uploadAndTranscode(fx.silent, '删除')
    expect(existsSync(hls(String(video.id)))).toBe(true)
    await t.payload.delete({ collection: 'videos', id: video.id })
    expect(existsSync(hls(String(video.id)))).toBe(false)
  })
})
