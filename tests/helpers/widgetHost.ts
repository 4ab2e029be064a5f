import { createServer, type Server } from 'node:http'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { freePort } from './freePort.ts'

/** A page a foreign host serves: its HTML and, when set, its Content-Security-Policy header. */
export interface HostPage {
  html: string
  csp?: string
  /** `text/html; charset=utf-8` unless given. */
  contentType?: string
}

/** A school's web server: another origin (`http://localhost:<port>`) than the Gongyu site (`http://127.0.0.1:<port>`). */
export interface WidgetHost {
  origin: string
  setPage: (path: string, page: HostPage) => void
  stop: () => Promise<void>
}

/** Starts a foreign host on its own port. Pages are set per test; anything else is a 404. */
export async function startWidgetHost(): Promise<WidgetHost> {
  const pages = new Map<string, HostPage>()
  const port = await freePort()
  const server: Server = createServer((request, response) => {
    const page = pages.get(new URL(request.url ?? '/', 'http://localhost').pathname)
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    response.writeHead(200, {
      'content-type': page.contentType ?? 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...(page.csp ? { 'content-security-policy': page.csp } : {}),
    })
    response.end(page.html)
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    origin: `http://localhost:${port}`,
    setPage: (path, page) => pages.set(path, page),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** A strict host policy: nothing inline, no eval, and only what the widgets need from the Gongyu origin. */
export function strictHostCsp(gongyuOrigin: string, options: { frames?: boolean } = {}): string {
  return [
    "default-src 'none'",
    `script-src ${gongyuOrigin}`,
    `connect-src ${gongyuOrigin}`,
    // The host's own stylesheet only: the widgets' styles are constructable stylesheets, which style-src does not govern.
    "style-src 'self'",
    "img-src 'none'",
    `frame-src ${options.frames ? `${gongyuOrigin} 'self'` : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

/**
 * Hostile global CSS a school's theme might have: everything unset, forced
 * colours and sizes, divs hidden. None of it may change the widgets.
 */
export const AGGRESSIVE_HOST_CSS = `/* a careless theme */
* { all: unset; color: red !important; font-size: 40px !important; font-family: serif !important; line-height: 3 !important; letter-spacing: 5px !important; text-transform: uppercase !important; visibility: visible; }
head, script, style, title, link { display: none !important; }
body, main, section { display: block !important; }
div { display: none !important; }
a { color: lime !important; text-decoration: line-through !important; }
li, ol, ul, p, h1, h2, h3, article, button, input, form, label { display: block; margin: 50px !important; padding: 50px !important; border: 5px solid blue !important; background: yellow !important; }
:focus { outline: none !important; }
`

/** What a page did wrong while it ran: console errors, uncaught exceptions, CSP violations (also inside frames). */
export interface PageProblems {
  errors: string[]
  violations: () => Promise<string[]>
}

/** Starts collecting problems on a page; call before `goto`. */
export async function watchProblems(context: BrowserContext, page: Page): Promise<PageProblems> {
  // Runs before any page script, in every frame, without being subject to the page's CSP.
  await context.addInitScript(() => {
    const found: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = found
    document.addEventListener('securitypolicyviolation', (event) => found.push(`${event.violatedDirective} ${event.blockedURI}`))
  })
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  return {
    errors,
    violations: async () => {
      const all: string[] = []
      for (const frame of page.frames()) {
        const found = await frame
          .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
          .catch(() => [`(frame ${frame.url()} not readable)`])
        all.push(...found)
      }
      return all
    },
  }
}

/** Waits until every widget of a tag on the page has rendered at least `min` list items (or its card). */
export async function waitForWidgets(page: Page, selector: string, min = 1): Promise<void> {
  await page.waitForFunction(
    ({ selector, min }) => {
      const hosts = [...document.querySelectorAll(selector)]
      return hosts.length > 0 && hosts.every((host) => (host.shadowRoot?.querySelectorAll('li, article').length ?? 0) >= min)
    },
    { selector, min },
    { timeout: 15_000 },
  )
}

/** A plain host page around some widget markup, with the host's own stylesheet and a link before and after. */
export function hostHtml(body: string, options: { stylesheet?: string; lang?: string } = {}): string {
  return `<!doctype html><html lang="${options.lang ?? 'zh-CN'}"><head><meta charset="utf-8"><title>学校网站</title>${options.stylesheet ? `<link rel="stylesheet" href="${options.stylesheet}">` : ''}</head>
<body><main><h1 id="host-h1">学校首页</h1><p id="host-p">学校自己的文字。</p><a id="host-before" href="#before">学校链接一</a>
${body}
<a id="host-after" href="#after">学校链接二</a><ol id="host-ol"><li>学校列表</li></ol><button id="host-button" type="button">按钮</button></main></body></html>`
}

/** A fresh context and page that records problems and every request (URL and headers). */
export async function openWidgetPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 }, ...options })
  const page = await context.newPage()
  const problems = await watchProblems(context, page)
  const requests: { url: string; headers: Record<string, string> }[] = []
  page.on('request', (request) => requests.push({ url: request.url(), headers: request.headers() }))
  return { context, page, problems, requests }
}

/** Heading, item count, titles, hrefs, summaries and closing link of one widget's shadow root. */
export function widgetView(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const root = element.shadowRoot as ShadowRoot
    return {
      heading: root.querySelector('.h')?.textContent ?? '',
      items: root.querySelectorAll('li').length,
      titles: [...root.querySelectorAll('li a.t')].map((link) => link.textContent),
      hrefs: [...root.querySelectorAll('a')].map((link) => link.getAttribute('href') ?? ''),
      summaries: root.querySelectorAll('li .s, article .s').length,
      more: root.querySelector('.more')?.textContent ?? '',
    }
  })
}
