import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.ts'
import { seriousAccessibilityProblems } from '../helpers/siteAccessibility.ts'
import { buildTestSite, type BuiltTestSite } from '../helpers/siteBuild.ts'

// Issue 17, places (服务地图): the directory by county and kind, place pages and their map links, at 360 px.
// The smallest bank slice (幼儿园小班) plus a few places, built once.
const GRADES = ['k1']
const PLACES = [
  {
    name: '城关镇家庭教育指导中心',
    kind: 'guidance-centre',
    county: '梓潼县',
    township: '城关镇',
    address: '人民路 12 号',
    phone: '0838-2212345',
    latitude: 31.6351,
    longitude: 105.1632,
  },
  {
    name: '青山村家长服务站',
    kind: 'service-station',
    county: '梓潼县',
    township: '青山镇',
    address: '青山村村委会',
    phone: '12355',
    latitude: 31.7001,
    longitude: 105.2002,
  },
  {
    name: '"><img src=x onerror=alert(1)>实践基地',
    kind: 'practice-base',
    county: '安州区',
    township: '',
    address: '花荄镇',
    phone: null,
    latitude: 31.5341,
    longitude: 104.5677,
  },
] as const
const DRAFT_NAME = '还在审核的服务站'

let site: BuiltTestSite
let browser: Browser

beforeAll(async () => {
  site = await buildTestSite({
    grades: GRADES,
    beforeExport: async (payload) => {
      for (const [index, place] of PLACES.entries()) {
        const { latitude, longitude, ...rest } = place
        await payload.create({
          collection: 'places',
          data: {
            ...rest,
            slug: `e2e-place-${index + 1}`,
            reviewState: 'approved',
            location: { latitude, longitude, datum: 'GCJ-02' },
            services: [{ text: '家长咨询' }],
            lastCheckedOn: '2026-11-20T04:00:00.000Z',
            _status: 'published',
          },
        })
      }
      await payload.create({
        collection: 'places',
        draft: true,
        data: {
          name: DRAFT_NAME,
          kind: 'service-station',
          county: '梓潼县',
          location: { latitude: 31.6, longitude: 105.1, datum: 'GCJ-02' },
          lastCheckedOn: '2026-11-20T04:00:00.000Z',
        },
      })
    },
  })
  console.log(`places e2e: built ${GRADES.join(',')} slice in ${site.buildSeconds.toFixed(1)} s`)
  browser = await launchChromium()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false })
  return context.newPage()
}

describe('the service map', () => {
  it('lists published places by county and kind on a 360 px phone without JavaScript, and never a draft', async () => {
    const page = await phonePage()
    const response = await page.goto(`${site.url}/places/`)
    expect(response?.status()).toBe(200)
    expect(await page.locator('main h2').allTextContents()).toEqual(['安州区', '梓潼县'])
    const zitong = page.locator('section.place-county').nth(1)
    expect(await zitong.locator('h3').allTextContents()).toEqual(['家庭教育指导中心', '服务站'])
    expect(await page.locator('.place-card').count()).toBe(PLACES.length)
    expect(await page.locator('main').textContent()).not.toContain(DRAFT_NAME)
    // The editor's text is text: the hostile name shows as written and adds no element.
    expect(await page.locator('main img').count()).toBe(0)
    expect(await page.getByRole('link', { name: PLACES[2].name }).count()).toBe(1)
    // Nothing wider than the phone, and the county chips jump to their section.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page
      .getByRole('link', { name: /梓潼县/ })
      .first()
      .click()
    expect(new URL(page.url()).hash).toBe('#county-2')
    // No script of the page's own: the directory is plain HTML.
    const html = readFileSync(path.join(site.outDir, 'places', 'index.html'), 'utf8')
    expect(html).not.toMatch(/<script[^>]+src="\/_astro\//)
    await page.context().close()
  })

  it('has no serious accessibility problems at 360 px', async () => {
    // axe-core runs as JavaScript, so this page has it on.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    for (const route of ['/places/', '/zh-hant/places/']) {
      expect((await page.goto(`${site.url}${route}`))?.status()).toBe(200)
      expect(await seriousAccessibilityProblems(page), route).toEqual([])
    }
    await context.close()
  })

  it('links each place to Amap, Tencent and Baidu maps at its GCJ-02 coordinates, with tap-sized links', async () => {
    const page = await phonePage()
    await page.goto(`${site.url}/places/`)
    const card = page.locator('.place-card', { hasText: '城关镇家庭教育指导中心' })
    const links = card.locator('.place-map-links a')
    expect(await links.allTextContents()).toEqual(['高德地图', '腾讯地图', '百度地图'])
    const [amap, tencent, baidu] = (await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))).map(
      (href) => new URL(href),
    )
    expect(amap?.host).toBe('uri.amap.com')
    expect(amap?.searchParams.get('position')).toBe('105.1632,31.6351')
    expect(amap?.searchParams.get('coordinate')).toBe('gaode')
    expect(tencent?.host).toBe('apis.map.qq.com')
    expect(tencent?.searchParams.get('marker')).toContain('coord:31.6351,105.1632;title:城关镇家庭教育指导中心')
    expect(baidu?.host).toBe('api.map.baidu.com')
    expect(baidu?.searchParams.get('location')).toBe('31.6351,105.1632')
    expect(baidu?.searchParams.get('coord_type')).toBe('gcj02')
    for (const box of await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.height).toBeGreaterThanOrEqual(44)
      expect(box.x + box.width).toBeLessThanOrEqual(360)
    }
    // The phone is the organization's landline, ready to dial.
    expect(await card.getByRole('link', { name: '0838-2212345' }).getAttribute('href')).toBe('tel:08382212345')
    await page.context().close()
  })

  it('gives each place a page with its facts, datum and map links, and a Traditional copy', async () => {
    const page = await phonePage()
    await page.goto(`${site.url}/places/`)
    await page.getByRole('link', { name: '青山村家长服务站' }).click()
    expect(await page.locator('h1').textContent()).toBe('青山村家长服务站')
    const main = (await page.locator('main').textContent()) ?? ''
    expect(main).toContain('GCJ-02')
    expect(main).toContain('信息核实于 2026年11月20日')
    expect(await page.locator('main .place-map-links a').count()).toBe(3)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    const pagePath = new URL(page.url()).pathname
    const traditional = await page.goto(`${site.url}/zh-hant${pagePath}`)
    expect(traditional?.status()).toBe(200)
    expect(await page.locator('main').textContent()).toContain('青山村家長服務站')
    await page.goto(`${site.url}/zh-hant/places/`)
    expect(await page.locator('h1').textContent()).toBe('服務地圖')
    // Reachable from every page's footer, so the offline pack (the whole site, links made relative) carries it too.
    await page.goto(`${site.url}/`)
    expect(await page.locator('footer').getByRole('link', { name: '服务地图' }).getAttribute('href')).toBe('/places/')
    expect(existsSync(path.join(site.outDir, 'sitemap-0.xml')) && readFileSync(path.join(site.outDir, 'sitemap-0.xml'), 'utf8')).toContain('/places/')
    await page.context().close()
  })
})
