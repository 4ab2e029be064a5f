import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIDI_CONTROLS, HOSTILE, HOSTILE_LIST_SLUG } from '../fixtures/widgetHostileExport.ts'
import { launchChromium } from '../helpers/browser.ts'
import type { BuiltTestSite } from '../helpers/siteBuild.ts'
import { hostHtml, startWidgetHost, strictHostCsp, waitForWidgets, watchProblems, type WidgetHost } from '../helpers/widgetHost.ts'
import { buildHostileWidgetSite, widgetScriptOf } from '../helpers/widgetSites.ts'

// A site built from a hand-written export full of hostile text (no CMS):
// markup in titles, summaries and notes, bidi overrides, an organization
// whose allowed origins try to inject CSP directives and headers.
let site: BuiltTestSite
let host: WidgetHost
let browser: Browser
let scriptTag: string

beforeAll(async () => {
  host = await startWidgetHost()
  site = await buildHostileWidgetSite(host.origin)
  const script = await widgetScriptOf(site.url)
  scriptTag = `<script src="${script.src}" integrity="${script.integrity}" crossorigin="anonymous" defer></script>`
  browser = await launchChromium()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
  await host?.stop()
})

/** Everything the widgets' shadow roots contain that a safe render would not: tags, attributes, links, leftover bidi controls. */
function audit(page: Page) {
  return page.evaluate(() => {
    const tags = new Set(['DIV', 'SECTION', 'ARTICLE', 'H2', 'H3', 'P', 'OL', 'LI', 'A', 'FORM', 'LABEL', 'INPUT', 'BUTTON'])
    const attributes = new Set([
      'class',
      'part',
      'href',
      'dir',
      'id',
      'role',
      'aria-labelledby',
      'lang',
      'type',
      'name',
      'autocomplete',
      'enterkeyhint',
      'placeholder',
      'for',
    ])
    const found = {
      tags: [] as string[],
      attributes: [] as string[],
      hrefs: [] as string[],
      undirectedTitles: 0,
      text: '',
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    }
    for (const host of document.querySelectorAll('gongyu-course-list, gongyu-lesson-card, gongyu-search-box')) {
      const root = host.shadowRoot as ShadowRoot
      for (const element of root.querySelectorAll('*')) {
        if (!tags.has(element.tagName)) found.tags.push(element.tagName)
        for (const attribute of element.attributes) if (!attributes.has(attribute.name)) found.attributes.push(attribute.name)
        if (element.tagName === 'A') found.hrefs.push(element.getAttribute('href') ?? '')
      }
      found.undirectedTitles += root.querySelectorAll('a.t:not([dir="auto"])').length
      found.text += `${root.textContent}\n`
    }
    return found
  })
}

describe('widgets with hostile content', () => {
  it('show hostile titles, summaries and notes as inert text, with bidi controls removed', async () => {
    const body = [
      `<gongyu-course-list list="${HOSTILE_LIST_SLUG}" layout="cards"><a href="${site.url}/">清单</a></gongyu-course-list>`,
      '<gongyu-course-list grade="p3" count="3"></gongyu-course-list>',
      '<gongyu-course-list theme="hostile-theme" count="2"></gongyu-course-list>',
      '<gongyu-lesson-card lesson="p3-01-fixture"></gongyu-lesson-card>',
      '<gongyu-lesson-card lesson="p3-02-fixture"></gongyu-lesson-card>',
      '<gongyu-search-box mode="inline"></gongyu-search-box>',
      scriptTag,
    ].join('\n')
    host.setPage('/hostile.html', { html: hostHtml(body), csp: strictHostCsp(site.url) })
    const context = await browser.newContext()
    const page = await context.newPage()
    const problems = await watchProblems(context, page)
    await page.goto(`${host.origin}/hostile.html`)
    await waitForWidgets(page, 'gongyu-course-list')
    await waitForWidgets(page, 'gongyu-lesson-card')
    await page.locator('gongyu-search-box').getByRole('searchbox').fill('恶意')
    await expect.poll(() => page.locator('gongyu-search-box').getByRole('listitem').count(), { timeout: 10_000 }).toBeGreaterThan(0)

    // The unpublished item is left out; the other three are shown.
    expect(await page.locator(`gongyu-course-list[list="${HOSTILE_LIST_SLUG}"]`).evaluate((element) => element.shadowRoot?.querySelectorAll('li').length)).toBe(
      3,
    )
    const found = await audit(page)
    expect(found.tags).toEqual([])
    expect(found.attributes).toEqual([])
    expect(found.undirectedTitles).toBe(0)
    expect(found.pwned).toBeUndefined()
    expect(found.hrefs.length).toBeGreaterThan(10)
    for (const href of found.hrefs) expect(href.startsWith(`${site.url}/`), href).toBe(true)
    expect(found.text).toContain(HOSTILE.title)
    expect(found.text).toContain(HOSTILE.organizationName)
    expect(found.text).toContain(HOSTILE.note)
    expect(found.text).toContain('exe.txt 反转标题')
    expect(found.text).not.toMatch(BIDI_CONTROLS)
    expect(problems.errors).toEqual([])
    expect(await problems.violations()).toEqual([])
    await context.close()
  })

  it('refuse a tampered feed’s bad types, slugs and URLs, and a javascript: site attribute', async () => {
    const body = `<gongyu-course-list list="${HOSTILE_LIST_SLUG}" site="javascript:window.__pwned=1//"></gongyu-course-list>${scriptTag}`
    host.setPage('/tampered.html', { html: hostHtml(body), csp: strictHostCsp(site.url) })
    const context = await browser.newContext()
    const page = await context.newPage()
    const problems = await watchProblems(context, page)
    await page.route(`${site.url}/feeds/course-lists/${HOSTILE_LIST_SLUG}.json`, (route) =>
      route.fulfill({
        headers: { 'access-control-allow-origin': '*' },
        json: {
          v: 1,
          kind: 'course-list',
          slug: '../../evil',
          title: '<script>window.__pwned=2</script>被篡改的清单',
          items: [
            { type: 'lesson', slug: 'javascript:alert(1)', title: '坏网址标识' },
            { type: 'lesson', slug: '../../../etc/passwd', title: '路径穿越' },
            { type: '__proto__', slug: 'ok', title: '坏类型' },
            { type: 'lesson', slug: 'no-title', title: 42 },
            {
              type: 'lesson',
              slug: 'fine-lesson',
              title: '\u202E正常的课',
              url: 'javascript:alert(1)',
              href: 'https://evil.example/',
              summary: { html: '<img>' },
            },
          ],
        },
      }),
    )
    await page.goto(`${host.origin}/tampered.html`)
    await waitForWidgets(page, 'gongyu-course-list')
    const found = await audit(page)
    expect(found.hrefs).toEqual([`${site.url}/lessons/fine-lesson/`, `${site.url}/course-lists/${HOSTILE_LIST_SLUG}/`])
    expect(found.text).toContain('<script>window.__pwned=2</script>被篡改的清单')
    expect(found.text).toContain('正常的课')
    expect(found.text).not.toMatch(BIDI_CONTROLS)
    expect(found.tags).toEqual([])
    expect(found.pwned).toBeUndefined()
    expect(problems.errors).toEqual([])
    await context.close()
  })

  it('keep the embed page of a hostile list inert, and only a real origin in its frame-ancestors', async () => {
    const embed = `${site.url}/embed/course-lists/${HOSTILE_LIST_SLUG}/`
    host.setPage('/framed.html', {
      html: hostHtml(`<iframe src="${embed}" title="清单" width="100%" height="400" data-gongyu-embed></iframe>${scriptTag}`),
      csp: strictHostCsp(site.url, { frames: true }),
    })
    const context = await browser.newContext()
    const page = await context.newPage()
    const problems = await watchProblems(context, page)
    await page.goto(`${host.origin}/framed.html`)
    await expect.poll(() => page.locator('iframe').getAttribute('height'), { timeout: 10_000 }).not.toBe('400')
    const frame = page.frames().find((candidate) => candidate.url() === embed)
    const inside = await frame?.evaluate(() => ({
      injected: document.querySelectorAll('img, svg, iframe, object, embed, body script').length,
      scripts: [...document.scripts].map((element) => element.getAttribute('src')),
      hrefs: [...document.querySelectorAll('a')].map((link) => link.getAttribute('href') ?? ''),
      text: document.body.textContent ?? '',
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    }))
    expect(inside?.injected).toBe(0)
    expect(inside?.scripts).toHaveLength(1)
    expect(inside?.scripts[0]).toMatch(/^\/widgets\/v1\/gongyu-embed-frame\.[0-9a-f]+\.js$/)
    for (const href of inside?.hrefs ?? []) expect(href).toMatch(/^\/(lessons|micro-lessons|course-lists)\/[a-z0-9-]+\/$/)
    expect(inside?.text).toContain(HOSTILE.title)
    expect(inside?.text).not.toMatch(BIDI_CONTROLS)
    expect(inside?.pwned).toBeUndefined()
    expect(problems.errors).toEqual([])
    expect(await problems.violations()).toEqual([])
    await context.close()

    const csp = (await fetch(embed)).headers.get('content-security-policy')
    expect(csp).toBe(`default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self' ${host.origin}`)
    const headerFiles = readFileSync(path.join(site.outDir, '_headers.json'), 'utf8') + readFileSync(path.join(site.outDir, '_headers'), 'utf8')
    for (const leaked of ['evil.example', 'split.example', 'Set-Cookie', 'javascript:', 'path.example', "'*'"]) expect(headerFiles).not.toContain(leaked)
  })
})
