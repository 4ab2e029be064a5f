// The static file server for the built site (`npm run serve`, the tests) and, bundled into
// one dependency-free file (packServer.ts, bundled by buildOffline.ts), the offline pack's `node serve.mjs`.
// sirv sends the files (precompressed `.br`/`.gz` siblings, ranges, ETags); compression
// compresses every other text response on the fly; this file adds what is the site's own:
// one normalized path per request, the build's per-path header rules, cache rules (cacheRules.ts), the
// directory redirect and the 404 pages.
import { createReadStream, readFileSync, type Stats, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import path from 'node:path'
import { constants as zlibConstants } from 'node:zlib'
import compression from 'compression'
import sirv from 'sirv'
import { cacheControlFor } from './cacheRules.ts'
import { contentTypeFor } from './contentTypes.ts'
import type { HeaderRule } from '../src/integrations/embedHeaders.ts'

/** Content types worth compressing: pages, styles, scripts, data, SVG, captions and playlists. */
const TEXT_TYPE = /^(?:text\/|image\/svg\+xml|application\/(?:json|xml|javascript|vnd\.apple\.mpegurl))/

/**
 * Sent with every response (pages, files, redirects, 404s), whatever the build wrote; the build's rules add the CSP.
 * BASE_SECURITY_HEADERS of integrations/securityHeaders.ts (a test holds them equal), copied so that the
 * offline pack's bundle does not carry the build's configuration module.
 */
const BASE_HEADERS: Record<string, string> = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' }

// Per-path headers written by the build (site/src/integrations/embedHeaders.ts): the page CSP,
// CORS on the widget feeds and scripts, frame-ancestors on embed pages. Read again only when the file changes.
const headerRules = new Map<string, { mtimeMs: number; rules: HeaderRule[] }>()

function rulesFor(root: string): HeaderRule[] {
  const file = path.join(root, '_headers.json')
  const stats = statIfPresent(file)
  // A site built before widgets (or an offline pack) has no header rules.
  if (!stats) return []
  const cached = headerRules.get(file)
  if (cached?.mtimeMs === stats.mtimeMs) return cached.rules
  const rules = (JSON.parse(readFileSync(file, 'utf8')) as { rules?: HeaderRule[] }).rules ?? []
  headerRules.set(file, { mtimeMs: stats.mtimeMs, rules })
  return rules
}

/** Headers of every rule matching the path; a rule path ending in `*` matches everything below it. Later rules win. */
function headersFor(root: string, urlPath: string): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const rule of rulesFor(root)) {
    const matches = rule.path.endsWith('*') ? urlPath.startsWith(rule.path.slice(0, -1)) : urlPath === rule.path
    if (matches) Object.assign(headers, rule.headers)
  }
  return headers
}

/**
 * The one path a request names: percent-decoded, backslashes as slashes, runs
 * of slashes collapsed and `.`/`..` resolved, as the file lookup resolves it.
 * Header rules are matched against this, so `/embed//course-lists/x/`,
 * `/embed/./course-lists/x/` or `/embed%2Fcourse-lists%2Fx/` cannot be served
 * without the headers of `/embed/course-lists/x/`. Throws URIError on bad escapes.
 */
export function normalizedPath(requestUrl: string | undefined): string {
  // Not `new URL(request.url, base)`: it reads `//embed/…` as a host name (`embed`) and drops it from the path.
  // An absolute-form target (`GET http://host/path`, sent to proxies) is a full URL; parsing it is safe.
  const target = requestUrl?.startsWith('/') ? requestUrl : new URL(requestUrl ?? '/', 'http://localhost').pathname
  const [rawPath = '/'] = target.split(/[?#]/, 1)
  const decoded = decodeURIComponent(rawPath)
  // split/join rather than replaceAll: the offline pack's bundle targets Node versions before 15.
  return path.posix.normalize(`/${decoded.split('\\').join('/')}`)
}

/** Errors that mean "no such file here": missing, a file where a folder was expected, a name too long. */
const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG'])

function statIfPresent(file: string): Stats | undefined {
  try {
    return statSync(file)
  } catch (error) {
    if (NOT_FOUND_CODES.has((error as NodeJS.ErrnoException).code ?? '')) return undefined
    throw error
  }
}

/** The file a path names inside `folder` (a folder's index.html), or undefined; never a file outside it. */
function fileFor(folder: string, urlPath: string): string | undefined {
  const resolved = path.resolve(folder, `.${urlPath}`)
  if (resolved !== folder && !resolved.startsWith(folder + path.sep)) return undefined
  const stats = statIfPresent(resolved)
  if (stats?.isFile()) return resolved
  if (!stats?.isDirectory()) return undefined
  const index = path.join(resolved, 'index.html')
  return statIfPresent(index)?.isFile() ? index : undefined
}

/** The path sirv is given for a file: relative to its folder and percent-encoded, since sirv decodes it with decodeURI. */
function sirvPath(folder: string, file: string): string {
  const relative = `/${path.relative(folder, file).split(path.sep).join('/')}`
  return encodeURI(relative).replace(/[?#]/g, encodeURIComponent)
}

function sendNotFound(request: IncomingMessage, response: ServerResponse, siteRoot: string, urlPath: string): void {
  response.statusCode = 404
  response.setHeader('cache-control', 'no-cache')
  const page = fileFor(siteRoot, urlPath.startsWith('/zh-hant/') ? '/zh-hant/404.html' : '/404.html')
  if (!page) {
    response.setHeader('content-type', 'text/plain; charset=utf-8')
    response.end('404')
    return
  }
  response.setHeader('content-type', 'text/html; charset=utf-8')
  if (request.method === 'HEAD') response.end()
  else createReadStream(page).pipe(response)
}

/**
 * Compresses text responses (200 and 404) with brotli or gzip, whichever the client takes, unless sirv
 * already sent a precompressed sibling. Every size: the issue asks for every text response compressed.
 */
function compressText(): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  const middleware = compression({
    threshold: 0,
    // Quality 5 is the first brotli level that beats gzip on the site's pages (a lesson: 4.2 KB against 5.0 KB), at about 1 ms a page.
    brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } },
    filter: (_request, response) =>
      (response.statusCode === 200 || response.statusCode === 404) && TEXT_TYPE.test(String(response.getHeader('content-type') ?? '')),
  })
  // compression is typed for Express; it only uses what node:http's request and response have.
  return middleware as unknown as (request: IncomingMessage, response: ServerResponse, next: () => void) => void
}

type FileHandler = ReturnType<typeof sirv>

/**
 * Serves the built site in `root()` (a function, so a rebuilt site can be swapped in while
 * running); the build links the CMS's media into it under /media/.
 */
export function createStaticServer({ root }: { root: () => string }): Server {
  const compress = compressText()
  // `dev` makes sirv look files up on each request instead of listing the folder once at start:
  // the runner swaps a rebuilt site in under the same path.
  const handlers = new Map<string, FileHandler>()
  const handlerFor = (folder: string): FileHandler => {
    let handler = handlers.get(folder)
    if (!handler) {
      handler = sirv(folder, { dev: true, etag: true, brotli: true, gzip: true, extensions: [] })
      handlers.set(folder, handler)
    }
    return handler
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    for (const [name, value] of Object.entries(BASE_HEADERS)) response.setHeader(name, value)
    let urlPath: string
    try {
      urlPath = normalizedPath(request.url)
    } catch (error) {
      if (!(error instanceof URIError)) throw error
      // A malformed percent escape: nothing to serve.
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request')
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    const siteRoot = path.resolve(root())
    // Media gets the site's rules too: an uploaded SVG must not run script either.
    // Cache rules (cacheRules.ts): hashed assets and versioned segments for a year, pages and playlists short.
    response.setHeader('cache-control', cacheControlFor(urlPath))
    for (const [name, value] of Object.entries(headersFor(siteRoot, urlPath))) response.setHeader(name, value)
    const file = fileFor(siteRoot, urlPath)
    if (!file) {
      sendNotFound(request, response, siteRoot, urlPath)
      return
    }
    // /lessons/x (no slash) is a folder: redirect so relative links keep working.
    if (!urlPath.endsWith('/') && file.endsWith(`${path.sep}index.html`) && !urlPath.endsWith('index.html')) {
      response.writeHead(301, { location: `${urlPath}/` }).end()
      return
    }
    response.setHeader('content-type', contentTypeFor(file))
    request.url = sirvPath(siteRoot, file)
    // Gone between the look-up and sirv's own (a rebuild swapping folders): a 404 like any other.
    handlerFor(siteRoot)(request, response, () => sendNotFound(request, response, siteRoot, urlPath))
  }

  return createServer((request, response) =>
    compress(request, response, () => {
      try {
        handle(request, response)
      } catch (error) {
        // A file the server may not read (permissions): answer this request and keep serving the others.
        console.error(`[网站] ${request.url}: ${(error as Error).message}`)
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
        response.end('Server error')
      }
    }),
  )
}
