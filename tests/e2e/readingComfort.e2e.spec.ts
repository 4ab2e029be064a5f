import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.ts'
import { seriousAccessibilityProblems } from '../helpers/siteAccessibility.ts'
import { buildTestSite, TEST_SITE_URL, type BuiltTestSite } from '../helpers/siteBuild.ts'

// Issue 14, reading: native Traditional words, the 繁體 offer for Hong Kong, Taiwan and Macau browsers, plain
// words, the 字号 switch, and WeChat. One 三年级 slice (it holds 聊天后 and 吃点东西后) built once.
const GRADES = ['p3']
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; V2219A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64'
// Mainland words (and a half-converted 后) that a Taiwan or Hong Kong reader should never meet.
const MAINLAND_WORDS = ['視頻', '網絡', '信息', '屏幕', '聊天后', '東西后']

let site: BuiltTestSite
let browser: Browser

function textFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(html|json|xml|txt|js|mjs|webmanifest)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
}

/** A built file's text as readers see it: of the search index, only the shown results' buckets (its matching terms stay Simplified by design). */
function shownText(file: string): string {
  const slashed = file.split(path.sep).join('/')
  // Buckets sit in the index's content-named parts folder (search/src/sharded/writeShardedIndex.ts).
  if (slashed.includes('/search-index/') && !/\/search-index\/[0-9a-f]{16}\/docs\//.test(slashed)) return ''
  return readFileSync(file, 'utf8')
}

async function open(page: Page, route: string): Promise<void> {
  const response = await page.goto(`${site.url}${route}`)
  expect(response?.status(), route).toBe(200)
}

/** The computed font size of the first paragraph in the main column, in px. */
function paragraphSize(page: Page): Promise<number> {
  return page
    .locator('main p')
    .first()
    .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize))
}

/** A page that fails the test on any CSP refusal (the reading script is inline, allowed by its hash). */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; refusals: string[] }> {
  const page = await context.newPage()
  const refusals: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refusals.push(message.text())
  })
  return { page, refusals }
}

beforeAll(async () => {
  site = await buildTestSite({ grades: GRADES })
  console.log(`reading e2e: built ${GRADES.join(',')} slice in ${site.buildSeconds.toFixed(1)} s`)
  browser = await launchChromium()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

describe('reading comfort', () => {
  it('writes every Traditional file with Taiwan words, 後 for "after", and no mainland terms', () => {
    const simplified = textFilesUnder(site.outDir).filter((file) => !file.startsWith(path.join(site.outDir, 'zh-hant')))
    const traditional = textFilesUnder(path.join(site.outDir, 'zh-hant'))
    expect(traditional.length).toBeGreaterThan(50)
    // The Simplified pages do use these words, so the scan below has something to catch.
    const simplifiedText = simplified.map((file) => readFileSync(file, 'utf8')).join('\n')
    for (const word of ['视频', '网络', '信息', '屏幕', '聊天后']) expect(simplifiedText, word).toContain(word)

    const found: string[] = []
    let allText = ''
    for (const file of traditional) {
      const text = shownText(file)
      allText += text
      for (const word of MAINLAND_WORDS) if (text.includes(word)) found.push(`${path.relative(site.outDir, file)}: ${word}`)
    }
    expect(found).toEqual([])
    for (const word of ['影片', '網路', '資訊', '螢幕', '搜尋', '聊天後']) expect(allText, word).toContain(word)
  })

  it('offers the Traditional copy to a zh-HK browser without redirecting, and remembers a dismissal', async () => {
    const hongKong = await browser.newContext({ locale: 'zh-HK' })
    const { page, refusals } = await watchedPage(hongKong)
    await open(page, '/grades/p3/')
    const offer = page.locator('.hant-offer')
    await offer.waitFor({ state: 'visible' })
    expect(page.url()).toBe(`${site.url}/grades/p3/`)
    expect(await offer.getByRole('link', { name: '改看繁體中文' }).getAttribute('href')).toBe('/zh-hant/grades/p3/')
    expect(await seriousAccessibilityProblems(page)).toEqual([])

    // The Traditional copy itself does not offer itself.
    await open(page, '/zh-hant/grades/p3/')
    expect(await page.locator('.hant-offer').isVisible()).toBe(false)

    await open(page, '/')
    await offer.getByRole('button', { name: '不用了' }).click()
    expect(await offer.isVisible()).toBe(false)
    await page.reload()
    expect(await page.locator('.hant-offer').isVisible()).toBe(false)
    expect(page.url()).toBe(`${site.url}/`)
    expect(refusals).toEqual([])
    await hongKong.close()

    const mainland = await browser.newContext({ locale: 'zh-CN' })
    const mainlandPage = await mainland.newPage()
    await open(mainlandPage, '/')
    expect(await mainlandPage.locator('.hant-offer').isVisible()).toBe(false)
    await mainland.close()
  })

  it('speaks to parents in plain words', async () => {
    const page = await browser.newPage()
    await open(page, '/')
    const nav = page.getByRole('navigation', { name: '主要栏目' })
    expect(await nav.getByRole('link', { name: '短视频课' }).count()).toBe(1)
    expect(await nav.getByRole('link', { name: '别人家的故事' }).count()).toBe(1)
    expect(await nav.textContent()).not.toMatch(/微课|典型案例/)
    await open(page, '/cases/')
    expect(await page.locator('h1').textContent()).toBe('别人家的故事')
    expect(await page.locator('main').textContent()).toContain('孩子阶段')
    await page.close()
    // No page the site builds calls a case 典型案例, a field 课程类别, or a child's stage 学段, and the site's own
    // words (headings, labels, descriptions) call micro-lessons 短视频课 on parents' pages; an editor's text may still
    // say 微课, and so may the pages for staff (the session guide for teachers, the embed builder for webmasters).
    const staffPages = ['guide', 'embed'].map((folder) => path.join(site.outDir, folder) + path.sep)
    const pages = textFilesUnder(site.outDir).filter((file) => file.endsWith('.html') && !file.startsWith(path.join(site.outDir, 'zh-hant')))
    const expertWords = pages.flatMap((file) => {
      const text = readFileSync(file, 'utf8')
      const forStaff = staffPages.some((folder) => file.startsWith(folder))
      return ['典型案例', '课程类别', '学段', ...(forStaff ? [] : ['相关微课', '课程、微课', '微课《'])]
        .filter((word) => text.includes(word))
        .map((word) => `${path.relative(site.outDir, file)}: ${word}`)
    })
    expect(expertWords).toEqual([])
  })

  it('enlarges the text with the 字号 switch and keeps the size after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
    const { page, refusals } = await watchedPage(context)
    await open(page, '/grades/p3/')
    const standard = await paragraphSize(page)
    const group = page.getByRole('group', { name: '字号' })
    await group.getByRole('button', { name: '特大' }).click()
    expect(await group.getByRole('button', { name: '特大' }).getAttribute('aria-pressed')).toBe('true')
    expect(await group.getByRole('button', { name: '标准' }).getAttribute('aria-pressed')).toBe('false')
    const enlarged = await paragraphSize(page)
    expect(enlarged).toBeGreaterThanOrEqual(standard * 1.3)

    await page.reload()
    expect(await paragraphSize(page)).toBe(enlarged)
    expect(await group.getByRole('button', { name: '特大' }).getAttribute('aria-pressed')).toBe('true')
    // Set in <head> before the body is parsed, so the first paint is already at the chosen size.
    await page.goto(`${site.url}/zh-hant/grades/p3/`, { waitUntil: 'commit' })
    await page.waitForSelector('html.text-x-large', { state: 'attached' })
    expect(await paragraphSize(page)).toBe(enlarged)
    expect(await seriousAccessibilityProblems(page)).toEqual([])

    await page.getByRole('group', { name: '字號' }).getByRole('button', { name: '標準' }).click()
    expect(await paragraphSize(page)).toBe(standard)
    expect(refusals).toEqual([])
    await context.close()
  })

  it('tells a WeChat reader to open the offline page in the browser, and nobody else', async () => {
    const weChat = await browser.newContext({ userAgent: WECHAT_UA, viewport: { width: 360, height: 740 } })
    const page = await weChat.newPage()
    await open(page, '/offline/')
    const hint = page.locator('main .wechat-hint')
    expect(await hint.isVisible()).toBe(true)
    expect(await hint.textContent()).toContain('在浏览器打开')
    expect(await seriousAccessibilityProblems(page)).toEqual([])
    await weChat.close()

    const plain = await browser.newPage()
    await open(plain, '/offline/')
    expect(await plain.locator('.wechat-hint').first().isVisible()).toBe(false)
    await plain.close()
  })

  it('gives every page a share title, description and an absolute PNG image', async () => {
    const page = await browser.newPage()
    for (const route of ['/', '/grades/p3/', '/zh-hant/grades/p3/', '/offline/']) {
      await open(page, route)
      const meta = (selector: string) => page.locator(selector).getAttribute('content')
      const image = await meta('meta[property="og:image"]')
      expect(image, route).toBe(`${TEST_SITE_URL}/share.png`)
      expect(await meta('meta[itemprop="image"]'), route).toBe(image)
      expect((await meta('meta[property="og:description"]'))?.length, route).toBeGreaterThan(5)
      expect(await meta('meta[itemprop="description"]'), route).toBe(await meta('meta[property="og:description"]'))
      expect(await meta('meta[itemprop="name"]'), route).toBe(await meta('meta[property="og:title"]'))
    }
    await page.close()
    const response = await fetch(`${site.url}/share.png`)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG')
  })
})
