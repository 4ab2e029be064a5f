import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { PublishedContent } from '@gongyu/contract'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ListFeed } from '../../site/src/widgets/shared/feedTypes.ts'
import { launchChromium } from '../helpers/browser.ts'
import { seriousAccessibilityProblems } from '../helpers/siteAccessibility.ts'
import type { BuiltTestSite } from '../helpers/siteBuild.ts'
import {
  AGGRESSIVE_HOST_CSS,
  hostHtml,
  openWidgetPage,
  startWidgetHost,
  strictHostCsp,
  waitForWidgets,
  watchProblems,
  widgetView,
  type WidgetHost,
} from '../helpers/widgetHost.ts'
import { buildSeededWidgetSite, FRAMING_ORGANIZATION, widgetScriptOf } from '../helpers/widgetSites.ts'

// The seeded bank (the grades its three course lists use) built once; two
// foreign hosts on other origins: `host` is in one organization's allowed
// origins, `stranger` in none.
let site: BuiltTestSite
let host: WidgetHost
let stranger: WidgetHost
let browser: Browser
let script: { src: string; integrity: string }
let content: PublishedContent
let framedList: string

const feed = (relative: string): ListFeed => JSON.parse(readFileSync(path.join(site.outDir, relative), 'utf8')) as ListFeed
const scriptTag = () => `<script src="${script.src}" integrity="${script.integrity}" crossorigin="anonymous" defer></script>`
const fallback = (route: string, text: string) => `<a href="${site.url}${route}">${text}</a>`

beforeAll(async () => {
  host = await startWidgetHost()
  stranger = await startWidgetHost()
  site = await buildSeededWidgetSite(host.origin)
  console.log(`widgets e2e: built the seeded slice in ${site.buildSeconds.toFixed(1)} s`)
  script = await widgetScriptOf(site.url)
  content = JSON.parse(readFileSync(path.join(site.exportDir, 'published.json'), 'utf8')) as PublishedContent
  framedList = content.courseLists.find((list) => list.organization === FRAMING_ORGANIZATION)?.slug ?? ''
  host.setPage('/host.css', { html: AGGRESSIVE_HOST_CSS, contentType: 'text/css; charset=utf-8' })
  browser = await launchChromium()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
  await host?.stop()
  await stranger?.stop()
})

describe('widgets on a foreign page', () => {
  it('render a course list, a grade, a lesson card and a search box under a strict CSP, with no errors, cookies or other origins', async () => {
    const list = content.courseLists[0]
    if (!list) throw new Error('no seeded course list')
    const listFeed = feed(`feeds/course-lists/${list.slug}.json`)
    const k1 = feed('feeds/grades/k1.json')
    const lesson = k1.items[0]
    // The snippet pasted twice, as a school with two widgets does: the second script copy must change nothing.
    const body = [
      `<gongyu-course-list list="${list.slug}" count="3">${fallback(`/course-lists/${list.slug}/`, list.title)}</gongyu-course-list>`,
      scriptTag(),
      `<gongyu-course-list grade="k1" layout="cards" count="5">${fallback('/grades/k1/', '小班课程')}</gongyu-course-list>`,
      `<gongyu-lesson-card lesson="${lesson?.slug}">${fallback(`/lessons/${lesson?.slug}/`, '一节课')}</gongyu-lesson-card>`,
      `<gongyu-search-box>${fallback('/search/', '搜索')}</gongyu-search-box>`,
      scriptTag(),
    ].join('\n')
    host.setPage('/strict.html', { html: hostHtml(body, { stylesheet: '/host.css' }), csp: strictHostCsp(site.url) })
    const { context, page, problems, requests } = await openWidgetPage(browser)
    await page.goto(`${host.origin}/strict.html`)
    await waitForWidgets(page, 'gongyu-course-list')
    await waitForWidgets(page, 'gongyu-lesson-card')

    const listView = await widgetView(page, `gongyu-course-list[list="${list.slug}"]`)
    expect(listView.heading).toBe(listFeed.title)
    expect(listView.items).toBe(3)
    expect(listView.titles).toEqual(listFeed.items.slice(0, 3).map((item) => item.title))
    expect(listView.more).toBe(`在共育网站查看完整清单（共 ${listFeed.items.length} 项）`)
    expect(listView.hrefs[0]).toBe(`${site.url}/${listFeed.items[0]?.type === 'micro-lesson' ? 'micro-lessons' : 'lessons'}/${listFeed.items[0]?.slug}/`)
    expect(await page.locator(`gongyu-course-list[list="${list.slug}"]`).locator('li').first().isVisible()).toBe(true)

    const gradeView = await widgetView(page, 'gongyu-course-list[grade="k1"]')
    expect(gradeView).toMatchObject({ heading: '幼儿园小班家长课程', items: 5, summaries: 5, more: `在共育网站查看全部 ${k1.items.length} 课` })
    expect((await widgetView(page, 'gongyu-lesson-card')).hrefs).toEqual([`${site.url}/lessons/${lesson?.slug}/`])
    expect(await page.locator('gongyu-search-box').getByRole('searchbox', { name: '搜索家长课程' }).isVisible()).toBe(true)

    expect(problems.errors).toEqual([])
    expect(await problems.violations()).toEqual([])
    expect(await context.cookies()).toEqual([])
    const origins = new Set(requests.map((request) => new URL(request.url).origin))
    expect([...origins].sort()).toEqual([host.origin, site.url].sort())
    const feedRequests = requests.filter((request) => request.url.includes('/feeds/'))
    expect(feedRequests.length).toBe(3)
    for (const request of feedRequests) {
      expect(request.headers.cookie).toBeUndefined()
      expect(request.headers.referer ?? '').toBe('')
    }
    await context.close()
  })

  it('keeps styles apart both ways: host CSS cannot restyle the widget, and the widget adds no style to the host', async () => {
    const body = `<gongyu-course-list grade="k1" count="2">${fallback('/grades/k1/', '小班')}</gongyu-course-list><gongyu-search-box>${fallback('/search/', '搜索')}</gongyu-search-box>${scriptTag()}`
    host.setPage('/plain.html', { html: hostHtml(body) })
    host.setPage('/aggressive.html', { html: hostHtml(body, { stylesheet: '/host.css' }), csp: strictHostCsp(site.url) })
    host.setPage('/no-widget.html', { html: hostHtml(body.replace(scriptTag(), '')) })
    const properties = [
      'color',
      'font-size',
      'font-family',
      'font-weight',
      'line-height',
      'letter-spacing',
      'text-transform',
      'text-decoration-line',
      'display',
      'margin-top',
      'padding-top',
      'border-top-width',
      'background-color',
      'visibility',
      'outline-style',
    ]
    const inside = (page: Page) =>
      page.evaluate((properties) => {
        const styleOf = (element: Element | null | undefined) =>
          element ? properties.map((property) => getComputedStyle(element).getPropertyValue(property)) : null
        const list = document.querySelector('gongyu-course-list')?.shadowRoot
        const search = document.querySelector('gongyu-search-box')?.shadowRoot
        return {
          base: styleOf(list?.querySelector('.w')),
          heading: styleOf(list?.querySelector('.h')),
          list: styleOf(list?.querySelector('ol')),
          item: styleOf(list?.querySelector('li')),
          link: styleOf(list?.querySelector('a.t')),
          meta: styleOf(list?.querySelector('.meta')),
          more: styleOf(list?.querySelector('.more')),
          input: styleOf(search?.querySelector('input')),
          button: styleOf(search?.querySelector('button')),
        }
      }, properties)
    const outside = (page: Page) =>
      page.evaluate((properties) => {
        const ids = ['host-h1', 'host-p', 'host-before', 'host-after', 'host-ol', 'host-button']
        return {
          styles: Object.fromEntries(
            ids.map((id) => [id, properties.map((property) => getComputedStyle(document.getElementById(id) as Element).getPropertyValue(property))]),
          ),
          sheets: document.styleSheets.length,
          adopted: document.adoptedStyleSheets.length,
          styleElements: document.querySelectorAll('style, link[rel="stylesheet"]').length,
        }
      }, properties)
    const { context, page } = await openWidgetPage(browser)
    await page.goto(`${host.origin}/plain.html`)
    await waitForWidgets(page, 'gongyu-course-list')
    const plainInside = await inside(page)
    const withWidget = await outside(page)
    await page.goto(`${host.origin}/no-widget.html`)
    const withoutWidget = await outside(page)
    await page.goto(`${host.origin}/aggressive.html`)
    await waitForWidgets(page, 'gongyu-course-list')
    const aggressiveInside = await inside(page)
    await context.close()

    expect(plainInside.heading?.[1]).toBe('19.2px')
    expect(aggressiveInside).toEqual(plainInside)
    expect(withWidget).toEqual(withoutWidget)
    expect(withWidget.adopted).toBe(0)
  })

  it('takes a theme through custom properties and ::part, and renders once for several attribute changes', async () => {
    host.setPage('/theme.css', {
      html: '/* school theme */ gongyu-course-list { --gongyu-accent: rgb(170, 0, 85); --gongyu-font-size: 20px } gongyu-course-list::part(heading) { color: rgb(1, 2, 3) }',
      contentType: 'text/css; charset=utf-8',
    })
    host.setPage('/theme.html', {
      html: hostHtml(`<gongyu-course-list grade="k1" count="2">${fallback('/grades/k1/', '小班')}</gongyu-course-list>${scriptTag()}`, {
        stylesheet: '/theme.css',
      }),
      csp: strictHostCsp(site.url),
    })
    const { context, page, problems } = await openWidgetPage(browser)
    await page.goto(`${host.origin}/theme.html`)
    await waitForWidgets(page, 'gongyu-course-list')
    const themed = await page.locator('gongyu-course-list').evaluate((element) => {
      const root = element.shadowRoot as ShadowRoot
      const style = (selector: string) => getComputedStyle(root.querySelector(selector) as Element)
      return { link: style('a.t').color, size: style('.w').fontSize, heading: style('.h').color }
    })
    expect(themed).toEqual({ link: 'rgb(170, 0, 85)', size: '20px', heading: 'rgb(1, 2, 3)' })
    const renders = await page.locator('gongyu-course-list').evaluate(async (element) => {
      let count = 0
      element.addEventListener('gongyu:rendered', () => count++)
      const list = element as HTMLElement & { grade: string; count: number; layout: string }
      list.grade = 'k2'
      list.count = 3
      list.layout = 'cards'
      await new Promise((resolve) => setTimeout(resolve, 1500))
      return { count, items: element.shadowRoot?.querySelectorAll('li .s').length }
    })
    expect(renders).toEqual({ count: 1, items: 3 })
    expect(problems.errors).toEqual([])
    await context.close()
  })

  it('is reached by Tab in reading order, with a visible focus ring, even when the host removes outlines', async () => {
    const listFeed = feed(`feeds/course-lists/${framedList}.json`)
    const lesson = feed('feeds/grades/k2.json').items[0]
    const body = `<gongyu-course-list list="${framedList}" count="2">${fallback('/', '清单')}</gongyu-course-list><gongyu-lesson-card lesson="${lesson?.slug}">${fallback('/', '课')}</gongyu-lesson-card>${scriptTag()}`
    host.setPage('/keyboard.html', { html: hostHtml(body, { stylesheet: '/host.css' }), csp: strictHostCsp(site.url) })
    const { context, page, problems } = await openWidgetPage(browser)
    await page.goto(`${host.origin}/keyboard.html`)
    await waitForWidgets(page, 'gongyu-course-list')
    await waitForWidgets(page, 'gongyu-lesson-card')
    const stops: { id: string; text: string; outline: string }[] = []
    for (let step = 0; step < 6; step++) {
      await page.keyboard.press('Tab')
      stops.push(
        await page.evaluate(() => {
          let active = document.activeElement
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
          const style = active ? getComputedStyle(active) : null
          return { id: active?.id ?? '', text: active?.textContent ?? '', outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '' }
        }),
      )
    }
    expect(stops.map((stop) => stop.id || stop.text)).toEqual([
      'host-before',
      listFeed.items[0]?.title,
      listFeed.items[1]?.title,
      `在共育网站查看完整清单（共 ${listFeed.items.length} 项）`,
      lesson?.title,
      'host-after',
    ])
    for (const stop of stops.slice(1, 5)) expect(stop.outline).toBe('solid 3px')
    expect(problems.errors).toEqual([])
    await context.close()
  })

  it('reads Traditional feeds and links into /zh-hant/ with script="hant", or on a zh-TW page', async () => {
    const traditional = JSON.parse(readFileSync(path.join(site.outDir, 'zh-hant', 'feeds', 'grades', 'p3.json'), 'utf8')) as ListFeed
    const body = `<gongyu-course-list id="by-attribute" grade="p3" count="2" script="hant">${fallback('/zh-hant/grades/p3/', '三年級')}</gongyu-course-list>
<section lang="zh-TW"><gongyu-course-list id="by-lang" grade="p3" count="2">${fallback('/zh-hant/grades/p3/', '三年級')}</gongyu-course-list></section>${scriptTag()}`
    host.setPage('/hant.html', { html: hostHtml(body), csp: strictHostCsp(site.url) })
    const { context, page, problems } = await openWidgetPage(browser)
    await page.goto(`${host.origin}/hant.html`)
    await waitForWidgets(page, 'gongyu-course-list')
    for (const id of ['#by-attribute', '#by-lang']) {
      const view = await widgetView(page, id)
      expect(view.heading).toBe('三年級家長課程')
      expect(view.titles).toEqual(traditional.items.slice(0, 2).map((item) => item.title))
      expect(view.hrefs.every((href) => href.startsWith(`${site.url}/zh-hant/`))).toBe(true)
      expect(view.more).toBe(`在共育網站檢視全部 ${traditional.items.length} 課`)
      expect(await page.locator(id).evaluate((element) => element.shadowRoot?.querySelector('.w')?.getAttribute('lang'))).toBe('zh-Hant')
    }
    expect(problems.errors).toEqual([])
    await context.close()
  })

  it('searches on the Gongyu site, or lists matching titles inline', async () => {
    const k1 = feed('feeds/grades/k1.json')
    const wanted = k1.items[0]?.title ?? ''
    const query = wanted.slice(0, 4)
    const body = `<gongyu-search-box id="site-mode">${fallback('/search/', '搜索')}</gongyu-search-box><gongyu-search-box id="inline" mode="inline" count="5">${fallback('/search/', '搜索')}</gongyu-search-box>${scriptTag()}`
    host.setPage('/search.html', { html: hostHtml(body), csp: strictHostCsp(site.url) })
    const { context, page, problems } = await openWidgetPage(browser)
    await page.goto(`${host.origin}/search.html`)
    const inline = page.locator('#inline')
    await inline.getByRole('searchbox').fill(query)
    await expect.poll(() => inline.getByRole('list').getByRole('link').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await inline.getByRole('list').getByRole('link').allTextContents()).toContain(wanted)
    expect(await inline.getByRole('status').textContent()).toMatch(/^找到 \d+ 条结果$/)
    expect(await inline.getByRole('link', { name: `在共育网站搜索“${query}”` }).getAttribute('href')).toBe(`${site.url}/search/?q=${encodeURIComponent(query)}`)

    await page.locator('#site-mode').getByRole('searchbox').fill('玩手机')
    await page.locator('#site-mode').getByRole('searchbox').press('Enter')
    await page.waitForURL(`${site.url}/search/?q=*`)
    expect(decodeURIComponent(page.url())).toBe(`${site.url}/search/?q=玩手机`)
    expect(problems.errors).toEqual([])
    await context.close()
  })

  it('asks Meilisearch with the search-only key when the snippet names it, and falls back to the feed when it fails', async () => {
    const meili = 'https://search.example.cn'
    const body = `<gongyu-search-box mode="inline" meili-host="${meili}" meili-key="search-only-key" meili-index="gongyu-public">${fallback('/search/', '搜索')}</gongyu-search-box>${scriptTag()}`
    host.setPage('/meili.html', { html: hostHtml(body), csp: strictHostCsp(site.url).replace(`connect-src ${site.url}`, `connect-src ${site.url} ${meili}`) })
    const { context, page } = await openWidgetPage(browser)
    const asked: { authorization?: string; body: Record<string, unknown> }[] = []
    let healthy = true
    await page.route(`${meili}/indexes/gongyu-public/search`, async (route) => {
      const request = route.request()
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type' }
      if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors })
      asked.push({ authorization: request.headers().authorization, body: request.postDataJSON() as Record<string, unknown> })
      if (!healthy) return route.fulfill({ status: 503, headers: cors, body: 'down' })
      return route.fulfill({
        headers: cors,
        json: {
          hits: [
            { type: 'lesson', slug: 'meili-found-lesson', title: '来自 Meilisearch 的课' },
            { type: 'lesson', slug: 'javascript:x', title: '坏的' },
          ],
        },
      })
    })
    await page.goto(`${host.origin}/meili.html`)
    const box = page.locator('gongyu-search-box')
    await box.getByRole('searchbox').fill('手机')
    await expect.poll(() => box.getByRole('list').getByRole('link').allTextContents(), { timeout: 10_000 }).toEqual(['来自 Meilisearch 的课'])
    expect(await box.getByRole('list').getByRole('link').getAttribute('href')).toBe(`${site.url}/lessons/meili-found-lesson/`)
    expect(asked[0]).toMatchObject({ authorization: 'Bearer search-only-key', body: { q: '手机', locales: ['cmn'], limit: 8 } })

    healthy = false
    const wanted = feed('feeds/grades/k1.json').items[0]?.title ?? ''
    await box.getByRole('searchbox').fill(wanted.slice(0, 4))
    await expect.poll(() => box.getByRole('list').getByRole('link').allTextContents(), { timeout: 10_000 }).toContain(wanted)
    await context.close()
  })

  it('shows the light-DOM fallback link when JavaScript is off', async () => {
    const body = `<gongyu-course-list list="${framedList}">${fallback(`/course-lists/${framedList}/`, '幼儿园的课程清单')}</gongyu-course-list>${scriptTag()}`
    host.setPage('/no-js.html', { html: hostHtml(body) })
    const { context, page } = await openWidgetPage(browser, { javaScriptEnabled: false })
    await page.goto(`${host.origin}/no-js.html`)
    const link = page.getByRole('link', { name: '幼儿园的课程清单' })
    expect(await link.isVisible()).toBe(true)
    expect(await link.getAttribute('href')).toBe(`${site.url}/course-lists/${framedList}/`)
    await context.close()
  })

  it('has no serious accessibility problems (axe-core, shadow roots included)', async () => {
    const body = `<gongyu-course-list grade="k1" count="3" layout="cards">${fallback('/grades/k1/', '小班')}</gongyu-course-list><gongyu-search-box mode="inline">${fallback('/search/', '搜索')}</gongyu-search-box><gongyu-lesson-card lesson="${feed('feeds/grades/k1.json').items[0]?.slug}">${fallback('/', '课')}</gongyu-lesson-card>${scriptTag()}`
    host.setPage('/a11y.html', { html: hostHtml(body) })
    const { context, page } = await openWidgetPage(browser)
    await page.goto(`${host.origin}/a11y.html`)
    await waitForWidgets(page, 'gongyu-course-list')
    await waitForWidgets(page, 'gongyu-lesson-card')
    expect(await seriousAccessibilityProblems(page)).toEqual([])
    expect(await page.getByRole('region', { name: '幼儿园小班家长课程' }).getByRole('listitem').count()).toBe(3)
    await context.close()
  })

  it('sizes the iframe variant from the Gongyu frame’s messages only, and frame-ancestors keeps it off other sites', async () => {
    const embed = `/embed/course-lists/${framedList}/`
    const frameTag = (origin: string) => `<iframe src="${origin}${embed}?count=3" title="课程清单" width="100%" height="600" data-gongyu-embed></iframe>`
    host.setPage('/spoof.html', { html: '<!doctype html><title>spoof</title><p>spoof</p>' })
    host.setPage('/frame.html', {
      html: hostHtml(`${frameTag(site.url)}<iframe id="spoof" src="/spoof.html" title="spoof" height="123" data-gongyu-embed></iframe>${scriptTag()}`),
      csp: strictHostCsp(site.url, { frames: true }),
    })
    const { context, page, problems } = await openWidgetPage(browser)
    await page.goto(`${host.origin}/frame.html`)
    const frameElement = page.locator(`iframe[src^="${site.url}"]`)
    await expect.poll(() => frameElement.getAttribute('height'), { timeout: 10_000 }).not.toBe('600')
    const frame = page.frames().find((candidate) => candidate.url().startsWith(`${site.url}${embed}`))
    if (!frame) throw new Error('embed frame not found')
    const inside = await frame.evaluate(() => ({
      height: Math.ceil(document.querySelector('[data-embed-root]')?.getBoundingClientRect().height ?? 0),
      visible: [...document.querySelectorAll('li')].filter((item) => !item.hidden).length,
    }))
    expect(Number(await frameElement.getAttribute('height'))).toBe(inside.height)
    expect(inside.visible).toBe(3)
    // Look-alike messages from the host's own frame and from the host page itself change nothing.
    const sized = await frameElement.getAttribute('height')
    await page
      .frames()
      .find((candidate) => candidate.url().endsWith('/spoof.html'))
      ?.evaluate(() => window.parent.postMessage({ type: 'gongyu:embed-height', height: 999 }, '*'))
    await page.evaluate(() => window.postMessage({ type: 'gongyu:embed-height', height: 777 }, '*'))
    await page.waitForTimeout(300)
    expect(await page.locator('#spoof').getAttribute('height')).toBe('123')
    expect(await frameElement.getAttribute('height')).toBe(sized)
    expect(problems.errors).toEqual([])
    expect(await problems.violations()).toEqual([])
    await context.close()

    const header = (await fetch(`${site.url}${embed}`)).headers.get('content-security-policy') ?? ''
    expect(header).toContain(`frame-ancestors 'self' `)
    expect(header).toContain(host.origin)
    expect(header).not.toContain(stranger.origin)
    for (const variant of [`${embed}index.html`, `/zh-hant${embed}`])
      expect((await fetch(`${site.url}${variant}`)).headers.get('content-security-policy')).toBe(header)

    stranger.setPage('/frame.html', {
      html: hostHtml(`${frameTag(site.url)}<iframe id="grade" src="${site.url}/embed/grades/k1/" title="小班" height="300"></iframe>`),
    })
    const other = await openWidgetPage(browser)
    await other.page.goto(`${stranger.origin}/frame.html`)
    const grade = other.page.frameLocator('#grade')
    await expect.poll(() => grade.locator('li').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await expect.poll(() => other.problems.errors.some((error) => error.includes('frame-ancestors')), { timeout: 10_000 }).toBe(true)
    const frames = other.page.frames().map((candidate) => candidate.url())
    expect(frames).toContain('chrome-error://chromewebdata/')
    expect(frames.some((url) => url.startsWith(`${site.url}${embed}`))).toBe(false)
    await other.context.close()
  })

  it('builds working snippets: choose a seeded list, copy, paste into a school page, see it', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url })
    const builder = await context.newPage()
    const problems = await watchProblems(context, builder)
    await builder.goto(`${site.url}/embed/`)
    expect(await seriousAccessibilityProblems(builder)).toEqual([])
    const copied = async () => {
      await builder.getByRole('button', { name: '复制代码' }).click()
      await expect.poll(() => builder.getByRole('status').filter({ hasText: '已复制' }).count()).toBe(1)
      return builder.evaluate(() => navigator.clipboard.readText())
    }
    await builder.getByLabel('最多显示').fill('4')
    for (const list of content.courseLists) {
      await builder.getByRole('combobox', { name: '选择课程清单' }).selectOption(list.slug)
      // The preview is the real widget.
      await expect
        .poll(() =>
          builder
            .locator(`[data-preview] gongyu-course-list[list="${list.slug}"]`)
            .evaluate((element) => element.shadowRoot?.querySelectorAll('li').length ?? 0),
        )
        .toBe(Math.min(4, feed(`feeds/course-lists/${list.slug}.json`).items.length))
      const snippet = await copied()
      expect(snippet).toContain(`integrity="${script.integrity}"`)
      host.setPage(`/pasted-${list.slug}.html`, { html: hostHtml(snippet, { stylesheet: '/host.css' }), csp: strictHostCsp(site.url) })
      const school = await context.newPage()
      await school.goto(`${host.origin}/pasted-${list.slug}.html`)
      await waitForWidgets(school, 'gongyu-course-list')
      const view = await widgetView(school, 'gongyu-course-list')
      expect(view.heading).toBe(list.title)
      expect(view.items).toBe(Math.min(4, feed(`feeds/course-lists/${list.slug}.json`).items.length))
      await school.close()
    }
    await builder.getByRole('combobox', { name: '选择课程清单' }).selectOption(framedList)
    await builder.getByRole('radio', { name: /^iframe/ }).check()
    await expect.poll(() => builder.locator('[data-origins-note]').textContent()).toContain(host.origin)
    const frameSnippet = await copied()
    expect(frameSnippet).toContain(`${site.url}/embed/course-lists/${framedList}/?count=4`)
    host.setPage('/pasted-frame.html', { html: hostHtml(frameSnippet), csp: strictHostCsp(site.url, { frames: true }) })
    const school = await context.newPage()
    await school.goto(`${host.origin}/pasted-frame.html`)
    await expect.poll(() => school.locator('iframe').getAttribute('height'), { timeout: 10_000 }).not.toBe('600')
    expect(await school.frameLocator('iframe').locator('li:not([hidden])').count()).toBe(4)
    // The embed page's own CSP refuses axe's injected script: check it in a context that bypasses CSP.
    const bypass = await browser.newContext({ bypassCSP: true })
    const embedPage = await bypass.newPage()
    await embedPage.goto(`${site.url}/embed/course-lists/${framedList}/`)
    expect(await seriousAccessibilityProblems(embedPage)).toEqual([])
    await bypass.close()

    // The Traditional builder makes Traditional snippets.
    await builder.goto(`${site.url}/zh-hant/embed/`)
    const traditional = await builder.locator('[data-snippet]').inputValue()
    expect(traditional).toContain('script="hant"')
    expect(traditional).toContain(`${site.url}/zh-hant/course-lists/`)
    expect(await builder.getByRole('heading', { level: 1 }).textContent()).toBe('把課程放到學校網站')
    expect(problems.errors).toEqual([])
    await context.close()
  })
})
