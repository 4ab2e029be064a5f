import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { PublicRecord, PublishedContent } from '@gongyu/contract'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { READING_SCRIPT_HASH } from '../../site/src/lib/readingComfort.ts'
import { launchChromium } from '../helpers/browser.ts'
import type { BuiltTestSite } from '../helpers/siteBuild.ts'
import { hostHtml, openWidgetPage, startWidgetHost, watchProblems, type WidgetHost } from '../helpers/widgetHost.ts'
import { buildSeededWidgetSite, FRAMING_ORGANIZATION } from '../helpers/widgetSites.ts'

// The seeded slice with one organization whose allowed origin is `host`, served by
// site/scripts/staticServer.ts; every response must carry the site's security headers.
let site: BuiltTestSite
let host: WidgetHost
let browser: Browser
let content: PublishedContent
let framedList: string

beforeAll(async () => {
  host = await startWidgetHost()
  site = await buildSeededWidgetSite(host.origin)
  content = JSON.parse(readFileSync(path.join(site.exportDir, 'published.json'), 'utf8')) as PublishedContent
  framedList = content.courseLists.find((list) => list.organization === FRAMING_ORGANIZATION)?.slug ?? ''
  browser = await launchChromium()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await host?.stop()
  await site?.stop()
})

/** The page URL of the first published record of a type. */
function urlOf(type: PublicRecord['type']): string {
  const record = content.records.find((candidate) => candidate.type === type)
  if (!record) throw new Error(`no published ${type} in the test build`)
  return record.url
}

/** The directives of a CSP header, by name. */
function directives(csp: string | null): Map<string, string> {
  const found = new Map<string, string>()
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) found.set(name, values.join(' '))
  }
  return found
}

async function headersOf(route: string): Promise<{ status: number; headers: Headers }> {
  // A raw request, so `//` and `/./` reach the server as written (fetch would keep them, but be explicit).
  const response = await fetch(`${site.url}${route}`, { redirect: 'manual' })
  await response.arrayBuffer()
  return { status: response.status, headers: response.headers }
}

describe('security headers on the parents’ site', () => {
  it('sends a strict CSP, Referrer-Policy and nosniff on pages, Traditional pages, feeds, scripts and 404s', async () => {
    const lesson = urlOf('lesson')
    const routes = ['/', lesson, `/zh-hant${lesson}`, '/search/', '/embed/', '/feeds/grades/p3.json', '/sw.js', '/no-such-page/']
    for (const route of routes) {
      const { headers } = await headersOf(route)
      const csp = directives(headers.get('content-security-policy'))
      expect(csp.get('default-src'), route).toBe("'self'")
      // The site's own files, and the one inline reading script by its hash (site/src/lib/readingComfort.ts).
      expect(csp.get('script-src'), route).toBe(`'self' ${READING_SCRIPT_HASH}`)
      expect(csp.get('object-src'), route).toBe("'none'")
      expect(csp.get('base-uri'), route).toBe("'self'")
      expect(csp.get('frame-ancestors'), route).toBe("'self'")
      expect(headers.get('referrer-policy'), route).toBe('strict-origin-when-cross-origin')
      expect(headers.get('x-content-type-options'), route).toBe('nosniff')
    }
  })

  it('puts the same policy into the static-host header file and a <meta> tag (without frame-ancestors)', async () => {
    const file = readFileSync(path.join(site.outDir, '_headers'), 'utf8')
    expect(file).toContain(`/*\n  content-security-policy: default-src 'self'; script-src 'self' ${READING_SCRIPT_HASH};`)
    expect(file).toMatch(/^\/\*\n {2}content-security-policy: .*frame-ancestors 'self'\n {2}referrer-policy: strict-origin-when-cross-origin/m)
    const html = await (await fetch(`${site.url}/`)).text()
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#39;', "'")
    expect(directives(meta ?? null).get('script-src')).toBe(`'self' ${READING_SCRIPT_HASH}`)
    expect(meta).not.toContain('frame-ancestors')
  })

  it('keeps each embed page’s own frame-ancestors, for every spelling of its path', async () => {
    const canonical = directives((await headersOf(`/embed/course-lists/${framedList}/`)).headers.get('content-security-policy')).get('frame-ancestors')
    expect(canonical).toMatch(new RegExp(`^'self' .*${host.origin}$`))
    const spellings = [
      `/embed/course-lists/${framedList}/`,
      `/embed//course-lists/${framedList}/`,
      `//embed/course-lists//${framedList}//`,
      `/embed/./course-lists/${framedList}/`,
      `/embed/grades/../course-lists/${framedList}/`,
      `/embed%2Fcourse-lists%2F${framedList}/`,
      `/embed/course-lists/${framedList}/index.html`,
      `/zh-hant/embed//course-lists/${framedList}/`,
    ]
    for (const spelling of spellings) {
      const { status, headers } = await headersOf(spelling)
      expect(status, spelling).toBe(200)
      const csp = directives(headers.get('content-security-policy'))
      expect(csp.get('frame-ancestors'), spelling).toBe(canonical)
      expect(csp.get('default-src'), spelling).toBe("'none'")
    }
  })

  it('lets the allowed school frame the list, and no spelling of the path lets another site frame it', async () => {
    const { context, page } = await openWidgetPage(browser)
    const frames = [`/embed/course-lists/${framedList}/`, `/embed//course-lists/${framedList}/`]
      .map((route, index) => `<iframe id="f${index}" src="${site.url}${route}" title="清单"></iframe>`)
      .join('')
    host.setPage('/framed.html', { html: hostHtml(frames) })
    await page.goto(`${host.origin}/framed.html`)
    for (const index of [0, 1]) {
      const frame = page.frameLocator(`#f${index}`)
      await expect.poll(() => frame.locator('h1, h2').first().count(), { timeout: 10_000 }).toBeGreaterThan(0)
    }
    // The same page framed by a site that is not in the allowed origins: the browser refuses it.
    const stranger = await startWidgetHost()
    try {
      stranger.setPage('/framed.html', { html: hostHtml(frames) })
      const blocked: string[] = []
      page.on('console', (message) => {
        if (/frame-ancestors/.test(message.text())) blocked.push(message.text())
      })
      await page.goto(`${stranger.origin}/framed.html`)
      await expect.poll(() => blocked.length, { timeout: 10_000 }).toBe(2)
    } finally {
      await stranger.stop()
      await context.close()
    }
  })

  it('runs every main template with zero CSP violations in Chromium: search engine, builder preview, service worker', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const problems = await watchProblems(context, page)
    const cspMessages: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspMessages.push(`${page.url()}: ${message.text()}`)
    })
    const lesson = urlOf('lesson')
    const routes = [
      '/',
      lesson,
      `/zh-hant${lesson}`,
      urlOf('micro-lesson'),
      urlOf('case-study'),
      urlOf('lesson-plan'),
      urlOf('activity-plan'),
      '/grades/p3/',
      `/course-lists/${framedList}/`,
      '/activities/',
    ]
    for (const route of routes) {
      const response = await page.goto(`${site.url}${route}`)
      expect(response?.status(), route).toBe(200)
    }
    // The search page loads its engine and index (fetch, worker-free) and shows results.
    await page.goto(`${site.url}/search/`)
    await page.locator('#search-q').fill('玩手机')
    await page.locator('#search-q').press('Enter')
    await page.locator('.search-hit').first().waitFor({ timeout: 30_000 })
    // The embed builder runs the widgets script and previews a widget.
    await page.goto(`${site.url}/embed/`)
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-preview] *')].some((element) => (element.shadowRoot?.querySelectorAll('li, article').length ?? 0) > 0),
      undefined,
      { timeout: 15_000 },
    )
    // The service worker registers under the CSP.
    const registered = await page.evaluate(() =>
      Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]),
    )
    expect(registered).toBe(true)
    expect(await problems.violations()).toEqual([])
    expect(cspMessages).toEqual([])
    await context.close()
  }, 180_000)
})
