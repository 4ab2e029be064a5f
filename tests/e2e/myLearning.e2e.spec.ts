import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { PublishedContent } from '@gongyu/contract'
import { unzipSync } from 'fflate'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOfflinePack } from '../../site/scripts/buildOffline.ts'
import { PROGRESS_EAGER_BUDGET_GZIP_BYTES, PROGRESS_SCRIPT_BUDGET_GZIP_BYTES } from '../../site/src/elements/gongyu-progress/progressBudget.ts'
import { launchChromium } from '../helpers/browser.ts'
import { seriousAccessibilityProblems } from '../helpers/siteAccessibility.ts'
import { buildTestSite, type BuiltTestSite, serveFolder } from '../helpers/siteBuild.ts'

// Issue 16, part 1: 我的学习 on a 360 px phone, with no account and no request. One 三年级 slice (its lessons
// and micro-lessons) built once; the offline pack is built from the same export.
const GRADES = ['p3']
const PHONE = { width: 360, height: 740 }

let site: BuiltTestSite
let browser: Browser
let published: PublishedContent

/** Every http(s) or WebSocket request the context makes (the page's and the service worker's); blob: and data: stay in the browser. */
function watchRequests(context: BrowserContext): string[] {
  const requests: string[] = []
  context.on('request', (request) => {
    if (/^(https?|wss?):/.test(request.url())) requests.push(request.url())
  })
  return requests
}

async function open(page: Page, url: string): Promise<void> {
  const response = await page.goto(url.startsWith('http') || url.startsWith('file:') ? url : `${site.url}${url}`)
  // From the service worker's precache or cache, a response is still a 200.
  expect(response?.status(), url).toBe(200)
}

/** The 学完了 button, once the element has loaded its store (it is hidden before). */
async function doneButton(page: Page) {
  const button = page.locator('gongyu-progress [data-done]')
  await button.waitFor({ state: 'visible' })
  return button
}

function minutesOf(recordId: string): number {
  const record = published.records.find((candidate) => candidate.id === recordId)
  if (!record) throw new Error(`${recordId} is not in the export`)
  return record.durationMinutes ?? 0
}

function hoursText(minutes: number): string {
  return `${Math.round(minutes / 6) / 10} 小时`
}

function figure(page: Page, name: string) {
  return page.locator(`[data-figure="${name}"]`)
}

beforeAll(async () => {
  site = await buildTestSite({ grades: GRADES })
  console.log(`my-learning e2e: built ${GRADES.join(',')} slice in ${site.buildSeconds.toFixed(1)} s`)
  published = JSON.parse(readFileSync(path.join(site.exportDir, 'published.json'), 'utf8')) as PublishedContent
  browser = await launchChromium()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

describe('我的学习 on a phone', () => {
  it('marks, practises, sees hours, exports, wipes, imports and revisits offline, with no request leaving the browser', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'gongyu-my-learning-'))
    const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true })
    const requests = watchRequests(context)
    const page = await context.newPage()
    try {
      await open(page, '/grades/p3/')
      const lessonUrl = (await page.locator('.record-list .record-title').first().getAttribute('href')) as string
      await open(page, lessonUrl)
      // The service worker controls the pages from here on, so the scripts they load are kept for offline use.
      await page.evaluate(async () => void (await navigator.serviceWorker.ready))
      await expect.poll(() => page.evaluate(async () => Boolean(await caches.match(location.href))), { timeout: 15_000 }).toBe(true)
      await page.reload()
      const progress = page.locator('gongyu-progress')
      const lessonId = (await progress.getAttribute('record-id')) as string
      const lessonTitle = (await page.locator('h1').textContent()) as string
      const done = await doneButton(page)
      expect(await page.locator('[data-progress-nojs]').isVisible()).toBe(false)

      requests.length = 0
      await done.click()
      expect(await done.getAttribute('aria-pressed')).toBe('true')
      await expect.poll(() => page.locator('[data-progress-status]').textContent()).toContain('已记下')
      const practice = page.locator('gongyu-progress [data-practice]')
      expect(await practice.count()).toBe(1)
      expect(await practice.textContent()).toContain('亲子练习')
      await practice.click()
      expect(await practice.getAttribute('aria-pressed')).toBe('true')
      await practice.click()
      await expect.poll(() => page.locator('[data-progress-status]').textContent()).toContain('已经记过')
      expect(requests).toEqual([])
      expect(await seriousAccessibilityProblems(page)).toEqual([])

      await open(page, '/micro-lessons/')
      await open(page, (await page.locator('.record-list .record-title').first().getAttribute('href')) as string)
      const microId = (await page.locator('gongyu-progress').getAttribute('record-id')) as string
      expect(microId).toMatch(/^micro-lesson:/)
      // The element loads its store script when idle; only what happens after that counts.
      const microDone = await doneButton(page)
      requests.length = 0
      await microDone.click()
      await page.locator('gongyu-progress [data-practice]').click()
      expect(requests).toEqual([])

      await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '我的学习' }).click()
      await page.waitForURL('**/my-learning/')
      await expect.poll(() => figure(page, 'lessons').textContent()).toBe('2 节')
      expect(await figure(page, 'days').textContent()).toBe('1 天')
      const hours = hoursText(minutesOf(lessonId) + minutesOf(microId))
      expect(await figure(page, 'hours').textContent()).toBe(hours)
      expect(await page.locator('#learning-self').textContent()).toContain('自学记录')
      const doneLink = page.locator('[data-done-list] a', { hasText: lessonTitle })
      expect(await doneLink.getAttribute('href')).toBe(`${site.url}${lessonUrl}`)
      // Nothing sideways at 360 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
      expect(await seriousAccessibilityProblems(page)).toEqual([])

      requests.length = 0
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出为文件' }).click()])
      expect(download.suggestedFilename()).toMatch(/^gongyu-my-learning-\d{4}-\d{2}-\d{2}\.json$/)
      const exportFile = path.join(work, download.suggestedFilename())
      await download.saveAs(exportFile)
      const exported = JSON.parse(readFileSync(exportFile, 'utf8')) as { format: string; version: number; done: { id: string }[] }
      expect(exported.format).toBe('gongyu-my-learning')
      expect(exported.done.map((entry) => entry.id).sort()).toEqual([lessonId, microId].sort())
      await page.getByRole('button', { name: '生成迁移码' }).click()
      const code = await page.locator('[data-code-out]').inputValue()
      expect(code).toMatch(/^GYL1-[A-Za-z0-9_-]+$/)
      console.log(`my-learning e2e: 迁移码 for 2 lessons and 2 practice taps: ${code.length} characters; export file ${readFileSync(exportFile).length} bytes`)
      expect(requests).toEqual([])

      // Wiping reloads the page (its own requests); each import is watched from a settled page on.
      const wipe = async () => {
        await page.evaluate(() => localStorage.clear())
        await page.reload({ waitUntil: 'networkidle' })
        await expect.poll(() => figure(page, 'lessons').textContent()).toBe('0 节')
        requests.length = 0
      }
      const message = page.locator('[data-learning-message]')
      await wipe()
      // A damaged code and another app's file are refused with a Chinese reason, and change nothing.
      await page.getByLabel('或者粘贴迁移码').fill(code.slice(0, -20))
      await page.getByRole('button', { name: '导入迁移码' }).click()
      await expect.poll(() => message.textContent()).toContain('不完整')
      const foreign = path.join(work, 'contacts.json')
      writeFileSync(foreign, JSON.stringify({ app: 'another', items: [1, 2, 3] }))
      await page.getByLabel('选择导出的文件').setInputFiles(foreign)
      await expect.poll(() => message.textContent()).toContain('不是共育')
      expect(await page.evaluate(() => localStorage.getItem('gongyu-my-learning'))).toBeNull()
      expect(await figure(page, 'lessons').textContent()).toBe('0 节')

      await page.getByLabel('选择导出的文件').setInputFiles(exportFile)
      await expect.poll(() => message.textContent()).toContain('导入成功')
      expect(await figure(page, 'lessons').textContent()).toBe('2 节')
      expect(await figure(page, 'hours').textContent()).toBe(hours)
      expect(requests).toEqual([])
      await wipe()
      await page.getByLabel('或者粘贴迁移码').fill(`${code.slice(0, 50)}\n${code.slice(50)}`)
      await page.getByRole('button', { name: '导入迁移码' }).click()
      await expect.poll(() => message.textContent()).toContain('导入成功')
      expect(await figure(page, 'lessons').textContent()).toBe('2 节')
      expect(await figure(page, 'days').textContent()).toBe('1 天')
      expect(requests).toEqual([])

      // The printable 自学记录: filled from the phone, marked unsigned, on one A4 page, with no request.
      await page.evaluate(() => {
        const counted = window as unknown as { printCalls: number }
        counted.printCalls = 0
        window.print = () => {
          counted.printCalls += 1
        }
      })
      await page.getByRole('button', { name: '打印自学记录' }).click()
      expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1)
      const sheet = page.locator('[data-learning-sheet]')
      expect(await sheet.isVisible()).toBe(false)
      await page.emulateMedia({ media: 'print' })
      expect(await sheet.isVisible()).toBe(true)
      expect(await sheet.locator('.sheet-unsigned').textContent()).toBe('未经签发，仅供自己留存')
      expect(await sheet.locator('[data-sheet-done] tr').count()).toBe(2)
      expect(await sheet.locator('[data-sheet-done]').textContent()).toContain(lessonTitle.trim())
      expect(await sheet.locator('[data-sheet-done]').textContent()).toContain(`${minutesOf(lessonId)} 分钟`)
      expect(await sheet.locator('[data-sheet-hours]').textContent()).toBe(hours)
      // On paper: the sheet only, not the page's buttons or heading.
      expect(await page.getByRole('button', { name: '导出为文件' }).isVisible()).toBe(false)
      expect(await page.locator('h1').isVisible()).toBe(false)
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1)
      await page.emulateMedia({ media: 'screen' })
      expect(requests).toEqual([])

      // Offline: the lesson page from the cache still shows its mark; 我的学习 opens in both scripts.
      await context.setOffline(true)
      await open(page, lessonUrl)
      expect(await (await doneButton(page)).getAttribute('aria-pressed')).toBe('true')
      expect(await page.locator('gongyu-progress [data-practice]').getAttribute('aria-pressed')).toBe('true')
      await open(page, '/my-learning/')
      await expect.poll(() => figure(page, 'lessons').textContent()).toBe('2 节')
      await open(page, '/zh-hant/my-learning/')
      await expect.poll(() => figure(page, 'lessons').textContent()).toBe('2 節')
      expect(await page.locator('#learning-self').textContent()).toContain('自學記錄')
      expect(await page.locator('[data-learning-sheet] .sheet-unsigned').textContent()).toBe('未經簽發，僅供自己留存')
      expect(await page.locator('[data-done-list] a').first().getAttribute('href')).toMatch(new RegExp(`^${site.url}/zh-hant/(lessons|micro-lessons)/`))
    } finally {
      await context.close()
      rmSync(work, { recursive: true, force: true })
    }
  }, 120_000)

  it('speaks Traditional on the Traditional copy and keeps its links there', async () => {
    const context = await browser.newContext({ viewport: PHONE })
    const page = await context.newPage()
    await open(page, '/zh-hant/grades/p3/')
    const lessonUrl = (await page.locator('.record-list .record-title').first().getAttribute('href')) as string
    expect(lessonUrl).toMatch(/^\/zh-hant\/lessons\//)
    await open(page, lessonUrl)
    const done = await doneButton(page)
    expect(await done.textContent()).toBe('學完了')
    expect(await page.locator('gongyu-progress .progress-note a').getAttribute('href')).toBe('/zh-hant/my-learning/')
    await done.click()
    await expect.poll(() => page.locator('[data-progress-status]').textContent()).toContain('已記下')
    expect(await done.textContent()).toContain('已學完')
    await context.close()
  })

  it('says how to print 自学记录 inside WeChat, where print does nothing', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      userAgent: 'Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47',
    })
    const page = await context.newPage()
    await open(page, '/my-learning/')
    const button = page.getByRole('button', { name: '打印自学记录' })
    await button.waitFor({ state: 'visible' })
    await page.evaluate(() => {
      window.print = () => {
        throw new Error('print was called inside WeChat')
      }
    })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await button.click()
    const hint = page.locator('[data-print-hint]')
    expect(await hint.isVisible()).toBe(true)
    expect(await hint.textContent()).toContain('在浏览器打开')
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps lesson pages readable without JavaScript, with a note instead of buttons', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })
    const page = await context.newPage()
    await open(page, '/grades/p3/')
    await open(page, (await page.locator('.record-list .record-title').first().getAttribute('href')) as string)
    expect(await page.locator('.part-practice').isVisible()).toBe(true)
    expect(await page.locator('[data-progress-nojs]').isVisible()).toBe(true)
    expect(await page.locator('gongyu-progress button').first().isVisible()).toBe(false)
    await open(page, '/my-learning/')
    expect(await page.locator('[data-learning-nojs]').isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: '导出为文件' }).isVisible()).toBe(false)
    await context.close()
  })

  it('says so in Chinese when the browser blocks storage, and never breaks the page', async () => {
    const context = await browser.newContext({ viewport: PHONE })
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError')
        },
      })
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await open(page, '/grades/p3/')
    await open(page, (await page.locator('.record-list .record-title').first().getAttribute('href')) as string)
    const done = await doneButton(page)
    expect(await page.locator('[data-progress-status]').textContent()).toContain('不让网站保存数据')
    await done.click()
    expect(await page.locator('gongyu-progress [data-done]').getAttribute('aria-pressed')).toBe('false')
    await open(page, '/my-learning/')
    await expect.poll(() => page.locator('[data-learning-message]').textContent()).toContain('不让网站保存数据')
    expect(errors).toEqual([])
    await context.close()
  })

  it(`loads its script on lesson pages within ${PROGRESS_SCRIPT_BUDGET_GZIP_BYTES / 1024} KB gzip, most of it when the browser is idle`, async () => {
    const page = await browser.newPage({ viewport: PHONE })
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
    })
    await open(page, '/grades/p3/')
    scripts.length = 0
    const lessonUrl = (await page.locator('.record-list .record-title').first().getAttribute('href')) as string
    await open(page, lessonUrl)
    await doneButton(page)
    // The page as built: once idle, the module loader adds preload links for the store to the live document.
    const html = readFileSync(path.join(site.outDir, lessonUrl, 'index.html'), 'utf8')
    const gzipOf = (paths: string[]) => paths.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(site.outDir, file)), { level: 9 }).length, 0)
    const elementScripts = [...new Set(scripts)].filter((file) => file.startsWith('/_astro/'))
    const named = elementScripts.filter((file) => html.includes(file))
    const total = gzipOf(elementScripts)
    const lessonHtml = gzipSync(Buffer.from(html)).length
    console.log(
      `my-learning e2e: lesson page script ${(gzipOf(named) / 1024).toFixed(1)} KB gzip with the page, ${(total / 1024).toFixed(1)} KB in all (budget ${PROGRESS_SCRIPT_BUDGET_GZIP_BYTES / 1024} KB); lesson HTML ${(lessonHtml / 1024).toFixed(1)} KB gzip`,
    )
    expect(named.length).toBe(1)
    expect(elementScripts.length).toBeGreaterThan(1)
    expect(gzipOf(named)).toBeLessThan(PROGRESS_EAGER_BUDGET_GZIP_BYTES)
    expect(total).toBeLessThan(PROGRESS_SCRIPT_BUDGET_GZIP_BYTES)
    await page.close()
  })
})

describe('我的学习 in the offline pack', () => {
  it('marks a lesson and shows it on 我的学习 with relative links, served from a school’s LAN server', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'gongyu-my-learning-pack-'))
    let served: Awaited<ReturnType<typeof serveFolder>> | undefined
    try {
      const started = performance.now()
      const { file } = await buildOfflinePack({
        out: path.join(work, 'pack.zip'),
        withVideos: false,
        env: { GONGYU_EXPORT_DIR: site.exportDir },
        stdio: 'pipe',
      })
      console.log(`my-learning e2e: offline pack built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
      for (const [name, data] of Object.entries(unzipSync(readFileSync(file)))) {
        if (name.endsWith('/')) continue
        mkdirSync(path.dirname(path.join(work, name)), { recursive: true })
        writeFileSync(path.join(work, name), data)
      }
      served = await serveFolder(path.join(work, 'gongyu'))
      const context = await browser.newContext({ viewport: PHONE })
      const requests = watchRequests(context)
      const page = await context.newPage()
      await open(page, `${served.url}/grades/p3/index.html`)
      await page.locator('.record-list .record-title').first().click()
      const title = (await page.locator('h1').textContent()) as string
      const done = await doneButton(page)
      // The service worker fetches the site's own files by itself: its precache when it installs (我的学习, verify and
      // check-in among them), then this page to keep it. Only what happens once both are done counts.
      await page.evaluate(async () => void (await navigator.serviceWorker.ready))
      await expect.poll(() => page.evaluate(async () => Boolean(await caches.match(location.href))), { timeout: 15_000 }).toBe(true)
      await page.waitForLoadState('networkidle')
      requests.length = 0
      await done.click()
      expect(requests).toEqual([])
      await page.locator('gongyu-progress .progress-note a').click()
      expect(page.url()).toMatch(/\/my-learning\/index\.html$/)
      await expect.poll(() => figure(page, 'lessons').textContent()).toBe('1 节')
      await page.locator('[data-done-list] a', { hasText: title }).click()
      expect(page.url()).toMatch(/\/lessons\/[^/]+\/index\.html$/)
      expect(await page.locator('h1').textContent()).toBe(title)
      await context.close()
    } finally {
      await served?.stop()
      rmSync(work, { recursive: true, force: true })
    }
  }, 300_000)
})
