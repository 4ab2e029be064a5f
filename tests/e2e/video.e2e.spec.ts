import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import type { PublicRecord, PublishedContent } from '@gongyu/contract'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { richTextOf } from '../fixtures/richText.ts'
import { pageModuleScripts, scriptGraph } from '../../site/src/integrations/precachedPages.ts'
import { launchChromium } from '../helpers/browser.ts'
import { seriousAccessibilityProblems } from '../helpers/siteAccessibility.ts'
import { startSeededTestPayload } from '../helpers/seededBank.ts'
import type { TestPayload } from '../helpers/testPayload.ts'
import { isHlsChunk, isHlsLightChunk, mediaPaths, recordNetwork, videoState, waitForPlayback } from '../helpers/videoPlayback.ts'
import { buildAndServeSite, makeTestClip, restUpload, sampleVideoSlice, type ServedSite } from '../helpers/videoSite.ts'

// One CMS, one export and one site build serve every test here: a 10 s clip
// uploaded through REST into a micro-lesson made for it, and the starter
// bank's sample videos (only their lessons and micro-lessons are seeded).
const CLIP_SLUG = 'video-e2e-clip'
const CAPTIONS = 'WEBVTT\n\n00:00:00.500 --> 00:00:04.000\n孩子说话时，先听完再回应。\n\n00:00:04.500 --> 00:00:09.000\n一句“我听到了”比讲道理更管用。\n'

let work: string
let t: TestPayload | undefined
let site: ServedSite
let browser: Browser
let content: PublishedContent
let exportWrittenByTranscode = false
let looseCaptions = ''
const LOOSE_HLS_FOLDER = '99999'
// A ladder as the CMS wrote them before issue 18 (sound in a separate EXT-X-MEDIA group), served beside the build's media.
const LEGACY_HLS_FOLDER = 'legacy-ladder'

/** Writes an old-style ladder of `clip` into `folder`: one 240p rung whose sound is a separate audio playlist. */
async function makeLegacyLadder(clip: string, folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true })
  // biome-ignore format: one ffmpeg option per pair reads best
  await promisify(execFile)('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-i', clip,
    '-map', '0:v:0', '-map', '0:a:0', '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '300k', '-s', '426x240', '-g', '100', '-keyint_min', '100', '-sc_threshold', '0',
    '-c:a', 'aac', '-b:a', '64k', '-ac', '1',
    '-f', 'hls', '-hls_time', '4', '-hls_playlist_type', 'vod', '-hls_segment_type', 'fmp4', '-hls_segment_filename', '%v/seg_%05d.m4s',
    '-master_pl_name', 'master.m3u8', '-var_stream_map', 'a:0,agroup:audio,name:audio v:0,agroup:audio,name:240p', '%v/index.m3u8',
  ], { cwd: folder })
}

const idOf = (json: unknown) => (json as { doc: { id: string | number } }).doc.id

function captionsFile(name: string): string {
  const file = path.join(work, name)
  writeFileSync(file, CAPTIONS)
  return file
}

async function createClipMicroLesson(t: TestPayload, clip: string): Promise<void> {
  const video = await restUpload(t, '/videos', clip, { as: 'editor', type: 'video/mp4', data: { title: '播放器测试视频' } })
  expect(video.status, JSON.stringify(video.json)).toBe(201)
  const captions = await restUpload(t, '/captions', captionsFile('clip.vtt'), { as: 'editor', type: 'text/vtt', data: { title: '播放器测试字幕' } })
  expect(captions.status, JSON.stringify(captions.json)).toBe(201)
  const theme = await t.rest('POST', '/themes', { as: 'reviewer', body: { name: '播放器测试主题', slug: 'video-e2e-theme' } })
  expect(theme.status, JSON.stringify(theme.json)).toBe(201)
  const lesson = await t.rest('POST', '/lessons', {
    as: 'reviewer',
    body: {
      title: '播放器测试课程',
      slug: 'video-e2e-lesson',
      grade: 's3',
      sequence: 1,
      category: 'basic',
      audience: ['parents'],
      durationMinutes: 30,
      themes: [idOf(theme.json)],
      summary: '用来测试微课播放器的课程。',
      objectives: [{ text: '看完测试视频。' }],
      body: richTextOf('测试课程的正文。'),
      practiceActivity: { title: '一起看测试视频', instructions: richTextOf('和孩子一起看完视频。') },
      _status: 'published',
    },
  })
  expect(lesson.status, JSON.stringify(lesson.json)).toBe(201)
  const microLesson = await t.rest('POST', '/micro-lessons', {
    as: 'reviewer',
    body: {
      title: '播放器测试微课',
      slug: CLIP_SLUG,
      video: idOf(video.json),
      captions: idOf(captions.json),
      durationSeconds: 10,
      transcript: '孩子说话时，先听完再回应。一句“我听到了”比讲道理更管用。',
      grades: ['s3'],
      themes: [idOf(theme.json)],
      lesson: idOf(lesson.json),
      presenter: '县家长学校讲师团',
      _status: 'published',
    },
  })
  expect(microLesson.status, JSON.stringify(microLesson.json)).toBe(201)
}

function readExport(exportDir: string): PublishedContent | null {
  const file = path.join(exportDir, 'published.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PublishedContent) : null
}

const playable = (records: PublicRecord[]) => records.filter((record) => record.type === 'micro-lesson' && record.video)

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'gongyu-video-e2e-'))
  const exportDir = path.join(work, 'published')
  // The transcode job itself refreshes the export (as in production), instead of the test calling it.
  process.env.GONGYU_EXPORT_ON_CHANGE = '1'
  process.env.GONGYU_EXPORT_DIR = exportDir
  // The sample-video slice as npm start leaves it (videos rendered, uploaded and transcoded), seeded once and copied;
  // the test's own clip below is uploaded and transcoded here.
  const [started, clip] = await Promise.all([
    startSeededTestPayload({ name: 'sample-videos', select: sampleVideoSlice, sampleVideos: true, transcodeVideos: true }),
    makeTestClip(path.join(work, 'clip.mp4')),
  ])
  t = started
  // Only the clip is needed for these: made while the CMS transcodes and the site builds, and waited for after.
  const legacyLadder = path.join(work, LEGACY_HLS_FOLDER)
  const sideWork = Promise.allSettled([
    makeLegacyLadder(clip, legacyLadder),
    // Kept as soon as it is up, so afterAll closes it even when the set-up fails before waiting for it.
    launchChromium().then((launched) => {
      browser = launched
    }),
  ])
  await createClipMicroLesson(t, clip)
  const transcodeStarted = performance.now()
  await t.payload.jobs.run({ queue: 'video', limit: 100, sequential: true })
  console.log(`video e2e: transcoded in ${((performance.now() - transcodeStarted) / 1000).toFixed(1)} s`)
  // The last transcode queued an export job; run that queue as the CMS's job runner would.
  await t.payload.jobs.run({ queue: 'export', limit: 10 })
  let found = readExport(exportDir)
  exportWrittenByTranscode = Boolean(found?.records.some((record) => record.slug === CLIP_SLUG && record.video))
  if (!found || !exportWrittenByTranscode) {
    // Keep the other tests meaningful when the refresh is broken; its own test below fails.
    const { writePublishedExport } = await import('@gongyu/cms/publishing')
    found = (await writePublishedExport(t.payload, exportDir)).content
  }
  content = found
  // Media attached to nothing must stay out of the build (issue 12, defect 9): captions uploaded
  // for no micro-lesson, and the HLS output of a video no published micro-lesson plays.
  const loose = await restUpload(t, '/captions', captionsFile('loose.vtt'), { as: 'editor', type: 'text/vtt' })
  expect(loose.status, JSON.stringify(loose.json)).toBe(201)
  looseCaptions = (loose.json as { doc: { filename: string } }).doc.filename
  // The export names media folders relative to the data folder.
  const hlsRoot = path.resolve(t.dataDir, content.mediaSources?.hls as string)
  mkdirSync(path.join(hlsRoot, LOOSE_HLS_FOLDER), { recursive: true })
  writeFileSync(path.join(hlsRoot, LOOSE_HLS_FOLDER, 'master.m3u8'), '#EXTM3U\n')
  site = await buildAndServeSite(exportDir, path.join(work, 'dist'))
  console.log(`video e2e: site built in ${site.buildSeconds.toFixed(1)} s`)
  for (const result of await sideWork) if (result.status === 'rejected') throw result.reason
  // Served beside the build's media: the build empties its folder, so the ladder is copied in after it.
  cpSync(legacyLadder, path.join(site.outDir, LEGACY_HLS_FOLDER), { recursive: true })
  await t.close()
  t = undefined
}, 600_000)

afterAll(async () => {
  delete process.env.GONGYU_EXPORT_ON_CHANGE
  delete process.env.GONGYU_EXPORT_DIR
  await browser?.close()
  await site?.stop()
  await t?.close()
  if (work) rmSync(work, { recursive: true, force: true })
})

async function openPlayerPage(slug: string, viewport = { width: 640, height: 900 }, options: { saveData?: boolean } = {}) {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  // Chromium's DevTools cannot switch Save-Data on; the player reads it from navigator.connection.
  if (options.saveData) await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }))
  const network = await recordNetwork(page)
  const response = await page.goto(`${site.url}/micro-lessons/${slug}/`)
  expect(response?.status()).toBe(200)
  await page.waitForFunction(() => customElements.get('gongyu-player') !== undefined)
  return { context, page, network }
}

const playButton = (page: Page) => page.locator('gongyu-player [data-player-play]')
// 仅音频 is a button beside play since issue 14, no longer the last item of the 清晰度 menu.
const audioButton = (page: Page) => page.locator('gongyu-player').getByRole('button', { name: /仅音频（省流量）/ })

describe('the micro-lesson player', () => {
  it('refreshes the site export when a transcode becomes ready', () => {
    expect(exportWrittenByTranscode).toBe(true)
    const clip = content.records.find((record) => record.slug === CLIP_SLUG)
    expect(clip?.video).toMatchObject({ durationSeconds: expect.closeTo(10, 0), width: 640, height: 360 })
    expect(clip?.video?.renditions.map((rendition) => rendition.name)).toEqual(['240p', '360p'])
    expect(clip?.video?.captions).toMatch(/^\/media\/captions\/.+\.vtt$/)
  })

  it('loads no media before play, only hls.js/light once the play button is in view; then the lowest rendition with its sound', async () => {
    const { context, page, network } = await openPlayerPage(CLIP_SLUG)
    const player = page.locator('gongyu-player')
    expect(await player.getAttribute('src')).toMatch(/^\/media\/hls\/[^/]+\/[0-9a-f]{16}\/master\.m3u8$/)
    await playButton(page).hover()
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /\/hls\.light\.[^/]+\.js$/.test(entry.name)))
    await page.waitForTimeout(300)
    const beforeClick = network.requests.slice()
    expect(beforeClick.filter(isHlsChunk).map((request) => request.path)).toEqual([expect.stringMatching(/\/hls\.light\.[^/]+\.js$/)])
    expect(mediaPaths(beforeClick)).toEqual([])

    const clickedAt = network.mark()
    await playButton(page).click()
    await waitForPlayback(page, 1.5)
    const afterClick = network.requests.slice(clickedAt)
    // Pressing play waits for the video alone: the preloaded chunk is not fetched again, and the full build never.
    expect(afterClick.filter(isHlsChunk)).toEqual([])
    expect(network.requests.filter(isHlsChunk)).toHaveLength(1)
    const media = mediaPaths(afterClick)
    expect(media[0]).toMatch(/\/master\.m3u8$/)
    // startLevel 0: the first video segments come from the lowest rung.
    expect(media.find((file) => /\/\d+p\/seg_/.test(file))).toMatch(/\/240p\/seg_/)
    const state = await videoState(page)
    expect(state?.videoWidth).toBeGreaterThan(0)
    // Sound too, from the rung's own segments: hls.js/light plays no separate audio playlist, and none is fetched.
    expect(media.some((file) => /\/audio\//.test(file))).toBe(false)
    expect(
      await page.evaluate(
        () => (document.querySelector('gongyu-player video') as HTMLVideoElement & { webkitAudioDecodedByteCount: number }).webkitAudioDecodedByteCount,
      ),
    ).toBeGreaterThan(0)
    // Only what it plays next is buffered ahead (forwardBuffer.ts), not hls.js's 30 s: this 10 s clip is not fetched whole after 1.5 s.
    expect(media.filter((file) => /\/240p\/seg_/.test(file)).length).toBeLessThan(3)
    expect(
      await page
        .locator('gongyu-player video track')
        .evaluate((track: HTMLTrackElement) => ({ kind: track.kind, srclang: track.srclang, label: track.label, default: track.default })),
    ).toEqual({ kind: 'subtitles', srclang: 'zh', label: '中文字幕', default: true })
    await context.close()
  })

  it('waits for play before fetching hls.js when the browser asks to save data', async () => {
    const { context, page, network } = await openPlayerPage(CLIP_SLUG, undefined, { saveData: true })
    await playButton(page).hover()
    await page.waitForTimeout(800)
    expect(network.requests.filter(isHlsChunk)).toEqual([])
    await playButton(page).click()
    await waitForPlayback(page, 1)
    expect(network.requests.filter(isHlsLightChunk)).toHaveLength(1)
    expect(network.requests.filter(isHlsChunk)).toHaveLength(1)
    await context.close()
  })

  it('still plays the sound of a ladder transcoded before the audio was muxed, with the full hls.js build', async () => {
    const { context, page, network } = await openPlayerPage(CLIP_SLUG)
    await page.locator('gongyu-player').evaluate((player, src) => player.setAttribute('src', src), `/${LEGACY_HLS_FOLDER}/master.m3u8`)
    await playButton(page).click()
    await waitForPlayback(page, 1.5)
    const media = mediaPaths(network.requests)
    expect(media).toContain(`/${LEGACY_HLS_FOLDER}/audio/seg_00000.m4s`)
    expect(network.requests.filter(isHlsChunk).filter((request) => !isHlsLightChunk(request))).toHaveLength(1)
    expect(
      await page.evaluate(
        () => (document.querySelector('gongyu-player video') as HTMLVideoElement & { webkitAudioDecodedByteCount: number }).webkitAudioDecodedByteCount,
      ),
    ).toBeGreaterThan(0)
    expect(await page.locator('gongyu-player [data-player-error]').isHidden()).toBe(true)
    await context.close()
  })

  it('plays audio only (仅音频) from the audio playlist, without video segments', async () => {
    const { context, page, network } = await openPlayerPage(CLIP_SLUG)
    await playButton(page).click()
    await waitForPlayback(page, 1)
    const switchedAt = network.mark()
    const before = (await videoState(page))?.currentTime ?? 0
    await audioButton(page).click()
    await page.waitForFunction(
      (from) => {
        const video = document.querySelector('gongyu-player video') as HTMLVideoElement | null
        return video !== null && !video.paused && video.videoWidth === 0 && video.currentTime > from + 1.5
      },
      before,
      { timeout: 30_000, polling: 100 },
    )
    // hls.js may still ask for the next video segment (or a higher rung) in the moment before the tap lands;
    // from the audio playlist on, nothing of the video may be fetched.
    const media = mediaPaths(network.requests.slice(switchedAt))
    const audioPlaylistAt = media.findIndex((file) => /\/audio\/index\.m3u8$/.test(file))
    expect(audioPlaylistAt).toBeGreaterThanOrEqual(0)
    const afterSwitch = media.slice(audioPlaylistAt)
    expect(afterSwitch.some((file) => /\/audio\/seg_\d+\.m4s$/.test(file))).toBe(true)
    expect(afterSwitch.filter((file) => /\/\d+p\//.test(file) || file.endsWith('master.m3u8'))).toEqual([])
    expect(await page.locator('gongyu-player [data-player-error]').isHidden()).toBe(true)
    await context.close()
  })

  it('offers each choice with its data cost, starts in 仅音频 when pressed before play, and switches rungs in place', async () => {
    const { context, page, network } = await openPlayerPage(CLIP_SLUG)
    const labels = await page.locator('gongyu-player select option').allTextContents()
    expect(labels).toHaveLength(3)
    expect(labels[0]).toMatch(/^自动 约 [\d.]+～[\d.]+ MB$/)
    expect(labels[1]).toMatch(/^240p 约 [\d.]+ MB$/)
    expect(labels[2]).toMatch(/^360p 约 [\d.]+ MB$/)
    expect((await audioButton(page).textContent())?.trim()).toMatch(/^仅音频（省流量）约 [\d.]+ MB$/)
    expect(mediaPaths(network.requests)).toEqual([])
    await audioButton(page).click()
    await waitForPlayback(page, 1)
    expect(await audioButton(page).getAttribute('aria-pressed')).toBe('true')
    expect(mediaPaths(network.requests)[0]).toMatch(/\/audio\/index\.m3u8$/)
    expect(mediaPaths(network.requests).some((file) => file.endsWith('master.m3u8'))).toBe(false)

    const switchedAt = network.mark()
    await page.getByLabel('清晰度').selectOption('360')
    expect(await audioButton(page).getAttribute('aria-pressed')).toBe('false')
    await page.waitForFunction(() => (document.querySelector('gongyu-player video') as HTMLVideoElement).videoHeight === 360, undefined, { timeout: 30_000 })
    await waitForPlayback(page, 2)
    expect(mediaPaths(network.requests.slice(switchedAt)).filter((file) => /\/240p\//.test(file))).toEqual([])
    await context.close()
  })

  it('is usable from the keyboard: Tab to play and the menu, Space and K toggle, status announced', async () => {
    const { context, page } = await openPlayerPage(CLIP_SLUG)
    const status = page.locator('gongyu-player [data-player-status]')
    expect(await status.getAttribute('role')).toBe('status')
    await playButton(page).focus()
    await page.keyboard.press('Enter')
    expect(await status.textContent()).toBe('视频加载中…')
    await waitForPlayback(page, 0.5)
    expect(await status.textContent()).toBe('')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('VIDEO')
    await page.keyboard.press('Space')
    await page.waitForFunction(() => (document.querySelector('gongyu-player video') as HTMLVideoElement).paused)
    await page.waitForTimeout(300)
    expect((await videoState(page))?.paused).toBe(true)
    await page.keyboard.press('k')
    await waitForPlayback(page, 0)
    await page.keyboard.press('k')
    await page.waitForFunction(() => (document.querySelector('gongyu-player video') as HTMLVideoElement).paused)
    // Tab from the video reaches the 清晰度 menu.
    let reached = false
    for (let step = 0; step < 12 && !reached; step += 1) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.matches('gongyu-player select') ?? false)
    }
    expect(reached).toBe(true)
    expect(await seriousAccessibilityProblems(page)).toEqual([])
    await context.close()
  })

  it('remembers where playback stopped and resumes there, also on the Traditional page', async () => {
    const { context, page } = await openPlayerPage(CLIP_SLUG)
    await playButton(page).click()
    await page.evaluate(() => {
      const video = document.querySelector('gongyu-player video') as HTMLVideoElement
      video.currentTime = 6
    })
    await waitForPlayback(page, 6.2)
    await page.evaluate(() => (document.querySelector('gongyu-player video') as HTMLVideoElement).pause())
    const saved = await page.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith('gongyu-player:position:')))
    expect(saved).toHaveLength(1)
    expect(saved[0]?.[0]).toMatch(/master\.m3u8$/)
    expect(Number(saved[0]?.[1])).toBeGreaterThanOrEqual(6)

    await page.goto(`${site.url}/zh-hant/micro-lessons/${CLIP_SLUG}/`)
    expect(await page.getByLabel('清晰度').locator('option').first().textContent()).toMatch(/^自動/)
    const network = await recordNetwork(page)
    await playButton(page).click()
    const startedAt = await page.waitForFunction(
      () => {
        const video = document.querySelector('gongyu-player video') as HTMLVideoElement | null
        return video !== null && !video.paused && video.readyState >= 3 ? video.currentTime : null
      },
      undefined,
      { timeout: 30_000, polling: 50 },
    )
    // Resumed, not played through from 0: the first frames shown are from about 6 s, and the opening segment was never fetched.
    expect(await startedAt.jsonValue()).toBeGreaterThanOrEqual(5.9)
    const segments = mediaPaths(network.requests).filter((file) => /\/\d+p\/seg_/.test(file))
    expect(segments[0]).toMatch(/seg_00001\.m4s$/)
    await context.close()
  })

  it('says in Chinese, with a link to the transcript, when the video cannot play', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.route('**/*.m3u8', (route) => route.fulfill({ status: 404, body: 'gone' }))
    await page.goto(`${site.url}/micro-lessons/${CLIP_SLUG}/`)
    await playButton(page).click()
    const error = page.locator('gongyu-player [data-player-error]')
    await error.waitFor({ state: 'visible', timeout: 30_000 })
    expect(await error.textContent()).toContain('视频没能播放')
    expect(await error.locator('a').getAttribute('href')).toBe('#part-transcript')
    expect(await page.locator('#part-transcript').count()).toBe(1)
    expect(await page.locator('gongyu-player [data-player-status]').textContent()).toBe('播放失败')
    // Choosing a quality again retries.
    await page.unroute('**/*.m3u8')
    await page.getByLabel('清晰度').selectOption('240')
    await waitForPlayback(page, 1)
    expect(await error.isHidden()).toBe(true)
    await context.close()
  })

  it('shows the poster, the data cost and plain links with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${site.url}/micro-lessons/${CLIP_SLUG}/`)
    expect(await page.locator('gongyu-player img.video-poster').isVisible()).toBe(true)
    expect(await playButton(page).isVisible()).toBe(false)
    expect(await page.getByLabel('清晰度').isVisible()).toBe(false)
    const note = page.locator('gongyu-player .video-note')
    expect(await note.textContent()).toMatch(/用最低清晰度（240p）看完全片约 [\d.]+ MB流量/)
    expect(await note.getByRole('link', { name: '阅读下面的文字稿' }).getAttribute('href')).toBe('#part-transcript')
    expect(await note.getByRole('link', { name: '用手机自带的播放器打开视频' }).getAttribute('href')).toMatch(/master\.m3u8$/)
    await context.close()
  })

  it('keeps the script small and on video pages only: a lesson page loads only the service-worker registration and the 学完了 element', async () => {
    const { context, page, network } = await openPlayerPage(CLIP_SLUG)
    await page.waitForLoadState('networkidle')
    const scripts = network.requests.filter((request) => request.path.endsWith('.js')).map((request) => request.path)
    // hls.js/light is preloaded with the play button in view; the full build is never fetched for a muxed ladder.
    expect(network.requests.filter(isHlsChunk).every(isHlsLightChunk)).toBe(true)
    // The player's own chunks: every micro-lesson page also loads the 学完了 element, counted by tests/e2e/myLearning.e2e.spec.ts.
    const builtPage = readFileSync(path.join(site.outDir, 'micro-lessons', CLIP_SLUG, 'index.html'), 'utf8')
    const playerChunks = await scriptGraph(
      site.outDir,
      pageModuleScripts(builtPage).filter((file) => file.startsWith('_astro/PlayerAssets.')),
    )
    const elementScripts = scripts.filter((file) => playerChunks.includes(file.slice(1)) && !/\/hls\.[^/]+\.js$/.test(file))
    const gzip = elementScripts.map((file) => gzipSync(readFileSync(path.join(site.outDir, file))).length)
    const total = gzip.reduce((sum, bytes) => sum + bytes, 0)
    const chunkKilobytes = (pattern: RegExp) => {
      const chunk = readdirSync(path.join(site.outDir, '_astro')).find((name) => pattern.test(name)) as string
      return (gzipSync(readFileSync(path.join(site.outDir, '_astro', chunk))).length / 1024).toFixed(1)
    }
    console.log(
      `video e2e: player script ${elementScripts.join(' + ')} = ${(total / 1024).toFixed(1)} KB gzip; hls.js/light chunk ${chunkKilobytes(/^hls\.light\.[^.]+\.js$/)} KB gzip (full build, for older ladders only: ${chunkKilobytes(/^hls\.[^.]+\.js$/)} KB)`,
    )
    expect(total).toBeLessThan(5 * 1024)

    const lessonUrl = content.records.find((record) => record.type === 'lesson')?.url as string
    const lessonScripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') lessonScripts.push(new URL(request.url()).pathname)
    })
    await page.goto(`${site.url}${lessonUrl}`)
    // Besides the registration, only the 学完了 element and its store (none of the player's chunks).
    const progressChunks = await scriptGraph(
      site.outDir,
      pageModuleScripts(builtPage).filter((file) => file.startsWith('_astro/ProgressActions.')),
    )
    expect(lessonScripts.filter((file) => file !== '/sw-register.js' && !progressChunks.includes(file.slice(1)))).toEqual([])
    expect(lessonScripts).toContain('/sw-register.js')
    await context.close()
  })
})

describe('media in the build', () => {
  it('holds only the videos and captions published micro-lessons play', () => {
    const played = playable(content.records).map((record) => record.video)
    // Site URLs: /media/hls/<folder>/master.m3u8 and /media/captions/<file>.
    const segment = (url: string | null | undefined) => decodeURIComponent(String(url).split('/')[3] ?? '')
    const folders = new Set(played.map((video) => segment(video?.master)))
    const captions = new Set(played.filter((video) => video?.captions).map((video) => segment(video?.captions)))
    expect(readdirSync(path.join(site.outDir, 'media', 'hls')).sort()).toEqual([...folders].sort())
    expect(readdirSync(path.join(site.outDir, 'media', 'captions')).sort()).toEqual([...captions].sort())
    expect(existsSync(path.join(site.outDir, 'media', 'hls', LOOSE_HLS_FOLDER))).toBe(false)
    expect(existsSync(path.join(site.outDir, 'media', 'captions', looseCaptions))).toBe(false)
  })
})

describe('the seeded sample videos', () => {
  it('gives at least five micro-lessons a working player: playlist and first segment served with HLS types, and one plays', async () => {
    const seeded = playable(content.records).filter((record) => record.slug !== CLIP_SLUG)
    expect(seeded.length).toBeGreaterThanOrEqual(5)
    const page = await browser.newPage()
    for (const record of seeded) {
      const response = await page.goto(`${site.url}${record.url}`)
      expect(response?.status(), record.url).toBe(200)
      const master = await page.locator('gongyu-player').getAttribute('src')
      expect(master, record.url).toBe(record.video?.master)
      const playlist = await fetch(`${site.url}${master}`)
      expect(playlist.status).toBe(200)
      expect(playlist.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
      const rung = (await playlist.text()).split('\n').find((line) => line.endsWith('.m3u8') && !line.startsWith('#')) as string
      const rungUrl = new URL(rung, `${site.url}${master}`)
      const segment = (await (await fetch(rungUrl)).text()).split('\n').find((line) => line.endsWith('.m4s')) as string
      const first = await fetch(new URL(segment, rungUrl))
      expect(first.status, `${record.url} ${segment}`).toBe(200)
      expect(first.headers.get('content-type')).toBe('video/iso.segment')
      // Segments sit in a folder named after the ladder's hash, so a CDN may keep them for a year; playlists are asked again.
      expect(master).toMatch(/^\/media\/hls\/[^/]+\/[0-9a-f]{16}\/master\.m3u8$/)
      expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(playlist.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, must-revalidate')
      expect(statSync(path.join(site.outDir, new URL(segment, rungUrl).pathname)).size).toBeGreaterThan(0)
    }
    await page.close()

    const { context, page: player } = await openPlayerPage(seeded[0]?.slug as string)
    await playButton(player).click()
    await waitForPlayback(player, 1.5)
    expect((await videoState(player))?.videoWidth).toBeGreaterThan(0)
    await context.close()
  })
})
