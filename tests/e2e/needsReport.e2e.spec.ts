import type { Browser, Page, Request as PlaywrightRequest } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.ts'
import { buildTestSite, type BuiltTestSite } from '../helpers/siteBuild.ts'

// Issue 17, 没找到？告诉我们 on a 360 px phone: a search that finds little offers the button; nothing leaves the
// phone until the parent taps it, and then one request with the query scrubbed of the phone number typed into it,
// the county the parent chose, and nothing else. The CMS is stood in for by a route (its own tests are in
// tests/int/needsReport.int.spec.ts); the site build names its origin, so the page's CSP allows it.
const CMS = 'http://cms.gongyu.test'
const QUERY = '鸵鸟蛋孵化 13812345678'

let site: BuiltTestSite
let browser: Browser
let page: Page
const sent: { url: string; method: string; body: string; headers: Record<string, string> }[] = []
const foreign: string[] = []

beforeAll(async () => {
  site = await buildTestSite({
    grades: ['p3'],
    env: { GONGYU_CMS_URL: CMS },
    // One organization (甘肃省某县) turns counting searches that find nothing on; the last test checks it.
    beforeExport: async (payload) => {
      await payload.update({ collection: 'organizations', where: { region: { equals: '甘肃省某县' } }, data: { countZeroResultSearches: true } })
    },
  })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 360, height: 640 } })
  page.on('request', (request: PlaywrightRequest) => {
    if (!request.url().startsWith(site.url)) foreign.push(`${request.method()} ${request.url()}`)
  })
  await page.route(`${CMS}/**`, async (route) => {
    const request = route.request()
    sent.push({ url: request.url(), method: request.method(), body: request.postData() ?? '', headers: await request.allHeaders() })
    await route.fulfill({
      status: 201,
      headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' },
      body: JSON.stringify({ message: '谢谢！' }),
    })
  })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

describe('没找到？告诉我们 on a 360 px phone', () => {
  it('offers the button under poor results and sends nothing until it is tapped', async () => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${site.url}/search/?q=${encodeURIComponent(QUERY)}`)
    const panel = page.locator('.search-tell-us')
    await panel.waitFor()
    expect(await panel.locator('h2').textContent()).toBe('没找到？告诉我们')
    // The query shown is the one that would be sent: without the phone number.
    expect(await panel.textContent()).toContain('「鸵鸟蛋孵化」')
    expect(await panel.textContent()).not.toContain('13812345678')
    const button = panel.locator('button.search-tell-us-button')
    const box = await button.boundingBox()
    expect(box?.height).toBeGreaterThanOrEqual(44)
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    // A search that finds a little is not counted (only one that finds nothing is): nothing went out.
    await page.waitForTimeout(500)
    expect(sent).toEqual([])
    expect(foreign).toEqual([])
    expect(errors).toEqual([])
  })

  it('sends one request with the scrubbed query and the chosen county, and says so in Chinese', async () => {
    const panel = page.locator('.search-tell-us')
    const select = panel.locator('select')
    const options = await select.locator('option').allTextContents()
    expect(options).toEqual(expect.arrayContaining(['不选地区', '甘肃省某县', '广东省某区']))
    await select.selectOption({ label: '甘肃省某县' })
    await panel.locator('button.search-tell-us-button').click()
    const status = panel.locator('.search-tell-us-status')
    await expect.poll(() => status.textContent()).toContain('谢谢！已告诉我们您在找「鸵鸟蛋孵化」。')
    expect(await status.textContent()).toContain('去掉了电话号码或证件号码')
    expect(sent).toHaveLength(1)
    const [request] = sent
    expect(request?.url).toBe(`${CMS}/api/anonymous/need-signal`)
    expect(request?.method).toBe('POST')
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({ kind: 'asked', query: '鸵鸟蛋孵化', province: '甘肃省', county: '某县' })
    // No cookie and no referrer: the page's URL still holds what the parent typed.
    expect(request?.headers.cookie).toBeUndefined()
    expect(request?.headers.referer).toBeUndefined()
    expect(await panel.locator('button').count()).toBe(0)
    expect(foreign).toEqual([`POST ${CMS}/api/anonymous/need-signal`])
  })

  it('works in the Traditional copy, without a county', async () => {
    await page.goto(`${site.url}/zh-hant/search/?q=${encodeURIComponent('鴕鳥蛋孵化 138-1234-5678')}`)
    const panel = page.locator('.search-tell-us')
    await panel.waitFor()
    expect(await panel.locator('h2').textContent()).toBe('沒找到？告訴我們')
    await panel.locator('button.search-tell-us-button').click()
    await expect.poll(() => panel.locator('.search-tell-us-status').textContent()).toContain('謝謝')
    expect(sent).toHaveLength(2)
    expect(Object.fromEntries(new URLSearchParams(sent[1]?.body))).toEqual({ kind: 'asked', query: '鴕鳥蛋孵化' })
  })

  it('counts searches that find nothing, where an organization turned it on: its county, at most 3 a day', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } })
    const counted: string[] = []
    await context.route(`${CMS}/**`, async (route) => {
      counted.push(route.request().postData() ?? '')
      await route.fulfill({ status: 201, headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' }, body: '{"message":"已记录。"}' })
    })
    const phone = await context.newPage()
    const queries = ['qzxv 13812345678', 'wqzk', 'pqzj', 'kqzx']
    for (const [index, query] of queries.entries()) {
      await phone.goto(`${site.url}/search/?q=${encodeURIComponent(query)}`)
      await expect.poll(() => phone.locator('.search-status').textContent()).toContain('没有找到')
      await phone.locator('.search-tell-us').waitFor()
      // Each of the first three is counted before the parent moves on; the fourth is not.
      await expect.poll(() => counted.length).toBe(Math.min(index + 1, 3))
    }
    await phone.waitForTimeout(500)
    expect(counted.map((body) => Object.fromEntries(new URLSearchParams(body)))).toEqual(
      ['qzxv', 'wqzk', 'pqzj'].map((query) => ({ kind: 'zero-result', query, province: '甘肃省', county: '某县' })),
    )
    // The phone keeps today's count and nothing else.
    const kept = await phone.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])))
    expect(Object.keys(kept).filter((key) => key.includes('zero-result'))).toEqual(['gongyu:zero-result-counts'])
    expect(JSON.parse(kept['gongyu:zero-result-counts'] ?? '{}')).toEqual({ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), count: 3 })
    await context.close()
  })
})
