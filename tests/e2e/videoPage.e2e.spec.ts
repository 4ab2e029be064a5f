import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PublicRecord, PublishedContent } from '@gongyu/contract'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PLAYER_SCRIPT_BYTES } from '../../site/src/elements/gongyu-player/playerBytes.ts'
import { launchChromium } from '../helpers/browser.ts'
import { startSeededTestPayload } from '../helpers/seededBank.ts'
import { seriousAccessibilityProblems } from '../helpers/siteAccessibility.ts'
import type { TestPayload } from '../helpers/testPayload.ts'
import { isHlsChunk, mediaPaths, recordNetwork, waitForPlayback } from '../helpers/videoPlayback.ts'
import { buildAndServeSite, makeTestClip, restUpload, sampleVideoSlice, type ServedSite } from '../helpers/videoSite.ts'

// Issue 14, video pages, as a parent on a 360 px phone meets them: the starter bank's transcoded
// sample videos (12 s title cards whose micro-lessons are written as minutes long), plus a
// micro-lesson with no video (a text lesson) and one whose video is uploaded but not transcoded.
// One CMS, one export, one site build for the file.
const TEXT_SLUG = 'video-page-text-lesson'
const PENDING_SLUG = 'video-page-pending-video'
const PHONE = { width: 360, height: 740 }
const MEGABYTE = 1024 * 1024

let work: string
let t: TestPayload | undefined
let site: ServedSite
let browser: Browser
let content: PublishedContent

async function createMicroLessons(t: TestPayload, clip: string): Promise<void> {
  const lesson = (await t.payload.find({ collection: 'lessons', limit: 1, depth: 0, overrideAccess: true })).docs[0]
  if (!lesson) throw new Error('the sample-video slice has no lesson')
  const upload = await restUpload(t, '/videos', clip, { as: 'editor', type: 'video/mp4', data: { title: '还没转码的视频' } })
  expect(upload.status, JSON.stringify(upload.json)).toBe(201)
  const common = {
    durationSeconds: 180,
    transcript: '孩子说话时，先听完再回应。一句“我听到了”比讲道理更管用。',
    grades: [lesson.grade],
    themes: lesson.themes,
    lesson: lesson.id,
    presenter: '县家长学校讲师团',
    _status: 'published',
  }
  // The video queue is never run here, so this upload stays queued: its micro-lesson is 视频准备中.
  for (const [slug, title, video] of [
    [TEXT_SLUG, '只有文字稿的微课', null],
    [PENDING_SLUG, '视频还在转码的微课', (upload.json as { doc: { id: string | number } }).doc.id],
  ] as const) {
    await t.payload.create({ collection: 'micro-lessons', data: { ...common, slug, title, video } as never, overrideAccess: true })
  }
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'gongyu-video-page-e2e-'))
  const exportDir = path.join(work, 'published')
  const [started, clip] = await Promise.all([
    startSeededTestPayload({ name: 'sample-videos', select: sampleVideoSlice, sampleVideos: true, transcodeVideos: true }),
    makeTestClip(path.join(work, 'pending.mp4'), { seconds: 2, size: '160x90' }),
  ])
  t = started
  await createMicroLessons(t, clip)
  const { writePublishedExport } = await import('@gongyu/cms/publishing')
  content = (await writePublishedExport(t.payload, exportDir)).content
  site = await buildAndServeSite(exportDir, path.join(work, 'dist'))
  console.log(`video page e2e: site built in ${site.buildSeconds.toFixed(1)} s`)
  await t.close()
  t = undefined
  browser = await launchChromium()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
  await t?.close()
  if (work) rmSync(work, { recursive: true, force: true })
})

/** The first seeded sample video: a 12 s title card whose micro-lesson is written as minutes long. */
function sampleRecord(): PublicRecord {
  const record = content.records.find((candidate) => candidate.type === 'micro-lesson' && candidate.video)
  if (!record?.video) throw new Error('no transcoded sample video in the export')
  return record
}

/** A phone-sized page with service workers blocked, so every byte the player fetches shows on the page's own network. */
async function openPhonePage(url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' })
  const page = await context.newPage()
  const response = await page.goto(`${site.url}${url}`)
  expect(response?.status()).toBe(200)
  return { context, page }
}

/** Seconds in a shown length: “12 秒”, “4 分 30 秒”, “4 分钟”, “2.5 分钟”. */
function secondsIn(text: string): number {
  const minutes = /([\d.]+) 分/.exec(text)?.[1]
  const seconds = /(\d+) 秒/.exec(text)?.[1]
  if (minutes === undefined && seconds === undefined) throw new Error(`no length in “${text}”`)
  return Number(minutes ?? 0) * 60 + Number(seconds ?? 0)
}

/** Bytes in a label's “约 0.3 MB”. */
function labelledBytes(text: string): number {
  const megabytes = /约 ([\d.]+) MB/.exec(text)?.[1]
  if (megabytes === undefined) throw new Error(`no MB figure in “${text}”`)
  return Number(megabytes) * MEGABYTE
}

const audioButton = (page: Page) => page.locator('gongyu-player').getByRole('button', { name: /仅音频（省流量）/ })
const playButton = (page: Page) => page.locator('gongyu-player [data-player-play]')

describe('a micro-lesson page with a video, on a 360 px phone', () => {
  it('shows 仅音频（省流量） as its own button beside play, at least 44 px, with no serious axe problem', async () => {
    const { context, page } = await openPhonePage(sampleRecord().url)
    await page.waitForFunction(() => customElements.get('gongyu-player') !== undefined)
    const audio = audioButton(page)
    expect(await audio.isVisible()).toBe(true)
    expect(await audio.getAttribute('aria-pressed')).toBe('false')
    const audioBox = await audio.boundingBox()
    const playBox = await playButton(page).boundingBox()
    if (!audioBox || !playBox) throw new Error('a player button has no box')
    expect(Math.min(audioBox.width, audioBox.height)).toBeGreaterThanOrEqual(44)
    expect(Math.min(playBox.width, playBox.height)).toBeGreaterThanOrEqual(44)
    // Beside: on the same row, to the right of play, and within the phone's width.
    expect(audioBox.y).toBeLessThan(playBox.y + playBox.height)
    expect(playBox.y).toBeLessThan(audioBox.y + audioBox.height)
    expect(audioBox.x).toBeGreaterThanOrEqual(playBox.x + playBox.width)
    expect(audioBox.x + audioBox.width).toBeLessThanOrEqual(PHONE.width)
    // Not hidden in the 清晰度 menu any more.
    expect(await page.locator('gongyu-player select option').allTextContents()).not.toContainEqual(expect.stringContaining('仅音频'))
    expect(await seriousAccessibilityProblems(page)).toEqual([])
    await context.close()
  })

  it('shows the media’s real length, and labels 仅音频 within 20% of what its first play fetches, player included', async () => {
    const record = sampleRecord()
    // Recording from the start: the player's code is fetched when the play button comes into view, before play.
    const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' })
    const page = await context.newPage()
    const network = await recordNetwork(page)
    expect((await page.goto(`${site.url}${record.url}`))?.status()).toBe(200)
    await page.waitForFunction(() => customElements.get('gongyu-player') !== undefined)
    const shown = await page
      .locator('.record-facts div', { has: page.locator('dt', { hasText: '视频时长' }) })
      .locator('dd')
      .textContent()
    // The length shown is the transcoded media's (the export carries ffprobe's), not the 3–5 minutes the sample is written as.
    expect(Math.abs(secondsIn(shown ?? '') - (record.video?.durationSeconds ?? 0))).toBeLessThanOrEqual(0.6)
    const label = (await audioButton(page).textContent()) ?? ''
    await page.waitForLoadState('networkidle')
    const clickedAt = network.mark()
    await audioButton(page).click()
    await waitForPlayback(page, 0.5)
    expect(await audioButton(page).getAttribute('aria-pressed')).toBe('true')
    // Play through quickly: the first play of a 12 s video fetches all of its sound.
    await page.evaluate(() => {
      const video = document.querySelector('gongyu-player video') as HTMLVideoElement
      video.playbackRate = 4
    })
    await page.waitForFunction(() => (document.querySelector('gongyu-player video') as HTMLVideoElement).ended, undefined, { timeout: 30_000, polling: 100 })
    const mediaSeconds = await page.evaluate(() => (document.querySelector('gongyu-player video') as HTMLVideoElement).duration)
    // The last responses' sizes arrive with their loadingFinished events.
    // The play's cost: the player's code (whenever it came) and everything after the click; not the page and its poster.
    const played = network.requests.filter((request, index) => index >= clickedAt || isHlsChunk(request))
    for (let waited = 0; waited < 3000 && played.some((request) => request.bytes === 0); waited += 100) await page.waitForTimeout(100)
    const fetched = played.reduce((sum, request) => sum + request.bytes, 0)
    const media = mediaPaths(network.requests.slice(clickedAt))
    console.log(
      `video page e2e: shown “${shown}”, media ${mediaSeconds.toFixed(2)} s; 仅音频 label “${label.trim()}”, first play fetched ${(fetched / MEGABYTE).toFixed(3)} MB in ${played.length} requests`,
    )
    expect(media[0]).toMatch(/\/audio\/index\.m3u8$/)
    expect(media.filter((file) => /\/\d+p\//.test(file))).toEqual([])
    expect(Math.abs(secondsIn(shown ?? '') - mediaSeconds)).toBeLessThanOrEqual(0.6)
    expect(Math.abs(labelledBytes(label) - fetched) / fetched).toBeLessThanOrEqual(0.2)
    await context.close()
  })

  it('counts the player at the size of the built hls.js/light chunk the site serves', () => {
    const folder = path.join(site.outDir, '_astro')
    const chunk = readdirSync(folder).find((name) => /^hls\.light\.[^.]+\.js\.gz$/.test(name))
    if (!chunk) throw new Error('the build has no gzipped hls.js/light chunk')
    const built = statSync(path.join(folder, chunk)).size
    expect(Math.abs(built - PLAYER_SCRIPT_BYTES) / built).toBeLessThan(0.02)
  })
})

describe('a micro-lesson without a playable video', () => {
  it('says plainly that it is a text lesson and offers the transcript first, also in the list', async () => {
    const { context, page } = await openPhonePage(`/micro-lessons/${TEXT_SLUG}/`)
    const slot = page.locator('article .record-header + [data-video-slot]')
    expect(await slot.textContent()).toContain('这是一节图文课')
    expect(await page.locator('main').textContent()).not.toContain('视频准备中')
    expect(await slot.locator('a').first().getAttribute('href')).toBe('#part-transcript')
    expect(await slot.getByRole('link', { name: '阅读文字稿' }).isVisible()).toBe(true)
    expect(await page.locator('#part-transcript').count()).toBe(1)
    expect(await seriousAccessibilityProblems(page)).toEqual([])

    await page.goto(`${site.url}/micro-lessons/`)
    const item = page.locator('.record', { has: page.locator(`a[href="/micro-lessons/${TEXT_SLUG}/"]`) })
    expect(await item.locator('.record-meta').textContent()).toContain('图文课')
    expect(await item.locator('.data-cost').count()).toBe(0)
    await context.close()
  })

  it('keeps 视频准备中, with an estimate, only while an attached video is being transcoded', async () => {
    expect(content.records.find((record) => record.slug === PENDING_SLUG)).toMatchObject({ video: null, videoPending: true })
    const { context, page } = await openPhonePage(`/micro-lessons/${PENDING_SLUG}/`)
    const slot = page.locator('[data-video-slot]')
    expect(await slot.textContent()).toContain('视频准备中')
    expect(await slot.textContent()).toMatch(/预计约 [\d.]+ MB/)
    expect(await slot.textContent()).not.toContain('图文课')
    await context.close()
  })
})
