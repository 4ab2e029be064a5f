import { readFileSync } from 'node:fs'
import path from 'node:path'
import { grades } from '@gongyu/contract'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.ts'
import { seriousAccessibilityProblems } from '../helpers/siteAccessibility.ts'
import { buildTestSite, type BuiltTestSite } from '../helpers/siteBuild.ts'

// Issue 14, search on a phone: a grandmother on a 360 × 640 screen types 三年级玩手机.
// 一年级 and 三年级 both have screen-time lessons, and the 一年级 one says 手机 and 年级 in its title,
// so by text alone it comes first: the slice needs both grades.
const GRADES = ['p1', 'p3']
const QUERY = '三年级玩手机'
const FOLD = 640

let site: BuiltTestSite
let browser: Browser
let page: Page

/** The element that has keyboard focus, described by its text and pressed state. */
function focused(target: Page) {
  return target.evaluate(() => {
    const active = document.activeElement as HTMLElement | null
    return { tag: active?.tagName.toLowerCase(), text: active?.textContent ?? '', pressed: active?.getAttribute('aria-pressed') ?? null }
  })
}

beforeAll(async () => {
  site = await buildTestSite({ grades: GRADES })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 360, height: FOLD } })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

describe('search on a 360 px phone', () => {
  it('shows a 三年级 result first, above the fold, with the filters folded into one line', async () => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${site.url}/search/`)
    await page.locator('#search-q').fill(QUERY)
    await page.locator('#search-q').press('Enter')
    const first = page.locator('.search-hit').first()
    await first.waitFor()

    const { records } = JSON.parse(readFileSync(path.join(site.exportDir, 'published.json'), 'utf8')) as { records: { url: string; grades: string[] }[] }
    const href = await first.locator('a').getAttribute('href')
    expect(records.find((record) => record.url === href)?.grades, `first result ${href}`).toContain('p3')
    // The first result's title can be read and tapped without scrolling.
    const title = await first.locator('h2 a').boundingBox()
    expect(title?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(FOLD)
    expect((title?.y ?? 0) + (title?.height ?? 0)).toBeLessThanOrEqual(FOLD)

    const filters = page.locator('gongyu-search details.search-filters')
    expect(await filters.count()).toBe(1)
    expect(await filters.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false)
    expect((await filters.boundingBox())?.height).toBeLessThanOrEqual(60)
    const summary = filters.locator('summary')
    expect(await summary.textContent()).toContain('筛选')
    const summaryBox = await summary.boundingBox()
    expect(summaryBox?.height).toBeGreaterThanOrEqual(44)
    expect(errors).toEqual([])
  })

  it('lists grades in teaching order, with large touch targets', async () => {
    await page.locator('.search-filters summary').click()
    const chips = page
      .locator('.search-facet')
      .filter({ has: page.locator('legend', { hasText: '年级' }) })
      .locator('.search-chip')
    const labels = (await chips.allTextContents()).map((text) => text.replace(/（\d+）$/, ''))
    const teachingOrder = grades.map((grade) => grade.short as string).filter((label) => labels.includes(label))
    expect(labels).toEqual(teachingOrder)
    expect(labels).toEqual(expect.arrayContaining(['一年级', '三年级']))
    for (const chip of await page.locator('.search-chip, .search-filters summary').all()) {
      const box = await chip.boundingBox()
      expect(box?.height, (await chip.textContent()) ?? '').toBeGreaterThanOrEqual(44)
      expect(await chip.evaluate((node) => Number.parseFloat(getComputedStyle(node).fontSize))).toBeGreaterThanOrEqual(16)
    }
  })

  it('keeps keyboard focus on the chosen filter, marks it selected, and clears it with 清除筛选', async () => {
    const chip = (text: string) => page.locator('.search-facet .search-chip', { hasText: text })
    const before = await chip('三年级').evaluate((node) => getComputedStyle(node).backgroundColor)
    await chip('三年级').focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/grade=p3/)
    await page.locator('.search-chip[aria-pressed="true"]').waitFor()

    expect(await focused(page)).toMatchObject({ tag: 'button', pressed: 'true', text: expect.stringContaining('三年级') })
    expect(await chip('三年级').evaluate((node) => getComputedStyle(node).backgroundColor)).not.toBe(before)
    expect(await page.locator('.search-filters summary').textContent()).toContain('三年级')
    // The other grades stay offered (counted without the grade filter), so switching is one tap.
    expect(await chip('一年级').getAttribute('aria-pressed')).toBe('false')
    const metas = await page.locator('.search-hit-meta').allTextContents()
    expect(metas.length).toBeGreaterThan(0)
    expect(metas.every((text) => text.includes('三年级'))).toBe(true)

    // The open panel, with a filter chosen, passes axe too.
    expect(await seriousAccessibilityProblems(page)).toEqual([])

    await page.getByRole('button', { name: '清除筛选' }).focus()
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => !url.searchParams.has('grade'))
    await page.locator('.search-hit').first().waitFor()
    expect(await page.locator('.search-chip[aria-pressed="true"]').count()).toBe(0)
    expect(await page.getByRole('button', { name: '清除筛选' }).count()).toBe(0)
    expect(await focused(page)).toMatchObject({ tag: 'summary' })
    expect(new URL(page.url()).searchParams.get('q')).toBe(QUERY)
  })
})
