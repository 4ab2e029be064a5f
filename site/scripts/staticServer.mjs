// A small static file server for the built site and offline packs. Plain
// JavaScript with no dependencies, so an offline pack can carry a copy
// (`node serve.mjs`) to any computer that has Node.js, however old.
import { createReadStream, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** MIME types by extension; HLS needs its own two (see the stack notes). */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.vtt': 'text/vtt; charset=utf-8',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.ts': 'video/mp2t',
  '.zip': 'application/zip',
  '.woff2': 'font/woff2',
}

function cacheControl(urlPath) {
  // Hashed assets never change; pages and the service worker must be checked on every visit.
  if (urlPath.startsWith('/_astro/')) return 'public, max-age=31536000, immutable'
  if (urlPath.startsWith('/media/')) return 'public, max-age=86400'
  return 'no-cache'
}

// Per-path headers written by the build (site/src/embed/embedHeaders.ts): CORS on the widget
// feeds and scripts, frame-ancestors on embed pages. Read again only when the file changes.
const headerRules = new Map()

function rulesFor(root) {
  const file = path.join(root, '_headers.json')
  let mtimeMs
  try {
    mtimeMs = statSync(file).mtimeMs
  } catch {
    // A site built before widgets (or an offline pack) has no header rules.
    return []
  }
  const cached = headerRules.get(file)
  if (cached?.mtimeMs === mtimeMs) return cached.rules
  const rules = JSON.parse(readFileSync(file, 'utf8')).rules ?? []
  headerRules.set(file, { mtimeMs, rules })
  return rules
}

/** Headers of every rule matching the path; a rule path ending in `*` matches everything below it. */
function headersFor(root, urlPath) {
  const headers = {}
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
export function normalizedPath(requestUrl) {
  // Not `new URL(request.url, base)`: it reads `//embed/…` as a host name (`embed`) and drops it from the path.
  // An absolute-form target (`GET http://host/path`, sent to proxies) is a full URL; parsing it is safe.
  const target = requestUrl?.startsWith('/') ? requestUrl : new URL(requestUrl ?? '/', 'http://localhost').pathname
  const [rawPath = '/'] = target.split(/[?#]/, 1)
  const decoded = decodeURIComponent(rawPath)
  return path.posix.normalize(`/${decoded.replaceAll('\\', '/')}`)
}

/** Sent with every response (pages, files, 404s), whatever the build wrote; the build's rules add the CSP. */
const BASE_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' }

function fileFor(root, urlPath) {
  const resolved = path.resolve(root, `.${urlPath}`)
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return undefined
  try {
    const stats = statSync(resolved)
    if (stats.isFile()) return { file: resolved, size: stats.size }
    if (stats.isDirectory()) {
      const index = path.join(resolved, 'index.html')
      const indexStats = statSync(index)
      return indexStats.isFile() ? { file: index, size: indexStats.size } : undefined
    }
  } catch {
    // A missing file is a 404, answered below.
  }
  return undefined
}

/**
 * Serves `root()` (a function, so a rebuilt site can be swapped in while
 * running) and optional extra folders mounted at URL prefixes, e.g.
 * `{ '/media/': '/srv/gongyu-media' }`.
 */
export function createStaticServer({ root, mounts = {} }) {
  return createServer((request, response) => {
    let urlPath
    try {
      urlPath = normalizedPath(request.url)
    } catch {
      // A malformed percent escape: nothing to serve.
      response.writeHead(400, BASE_HEADERS).end('Bad request')
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', ...BASE_HEADERS }).end()
      return
    }
    const siteRoot = path.resolve(root())
    const mount = Object.keys(mounts).find((prefix) => urlPath.startsWith(prefix))
    let found = mount ? fileFor(path.resolve(mounts[mount]), `/${urlPath.slice(mount.length)}`) : fileFor(siteRoot, urlPath)
    // /lessons/x (no slash) is a directory: redirect so relative links keep working.
    if (found && !urlPath.endsWith('/') && found.file.endsWith(`${path.sep}index.html`) && !urlPath.endsWith('index.html')) {
      response.writeHead(301, { location: `${urlPath}/`, ...BASE_HEADERS }).end()
      return
    }
    let status = 200
    if (!found) {
      status = 404
      const traditional = urlPath.startsWith('/zh-hant/')
      found = fileFor(siteRoot, traditional ? '/zh-hant/404.html' : '/404.html')
      if (!found) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...BASE_HEADERS }).end('404')
        return
      }
    }
    const type = MIME_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream'
    // A build may leave a gzipped copy beside a large file (the search index); send it to clients that accept gzip.
    const gzipped =
      status === 200 && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
        ? fileFor(path.dirname(found.file), `/${path.basename(found.file)}.gz`)
        : undefined
    const sent = gzipped ?? found
    response.writeHead(status, {
      'content-type': type,
      'content-length': sent.size,
      'cache-control': status === 200 ? cacheControl(urlPath) : 'no-cache',
      ...BASE_HEADERS,
      vary: 'accept-encoding',
      ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
      // Mounted folders (media) get the site's rules too: an uploaded SVG must not run script either.
      ...headersFor(siteRoot, urlPath),
    })
    if (request.method === 'HEAD') response.end()
    else createReadStream(sent.file).pipe(response)
  })
}

// `node staticServer.mjs [folder] [port]`: serve a folder (the offline pack ships this file as serve.mjs).
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const folder = path.resolve(process.argv[2] ?? path.dirname(fileURLToPath(import.meta.url)))
  const port = Number(process.argv[3] ?? process.env.PORT ?? 4321)
  createStaticServer({ root: () => folder }).listen(port, '0.0.0.0', () => {
    console.log(`共育网站：http://localhost:${port}/ （同一局域网的手机可用本机 IP 地址访问）`)
  })
}
