import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { type IncomingHttpHeaders, request, type Server } from 'node:http'
import { isBuiltin } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundlePackServer } from '../../site/scripts/buildOffline.ts'
import { createStaticServer, normalizedPath } from '../../site/scripts/staticServer.ts'
import { BASE_SECURITY_HEADERS } from '../../site/src/integrations/securityHeaders.ts'
import { freePort } from '../helpers/freePort.ts'

// Header rules (frame-ancestors of embed pages) are matched on this path; every spelling of a page must give the same one.
describe('the static server’s normalized request path', () => {
  it('collapses slashes, resolves dot segments and decodes, so no spelling dodges a header rule', () => {
    const canonical = '/embed/course-lists/list-a/'
    for (const spelling of [
      '/embed/course-lists/list-a/',
      '/embed//course-lists/list-a/',
      '//embed/course-lists//list-a//',
      '/embed/./course-lists/list-a/',
      '/embed/grades/../course-lists/list-a/',
      '/embed%2Fcourse-lists%2Flist-a/',
      '/embed/course-lists/list-a/?count=3',
      '/embed\\course-lists\\list-a/',
      'http://gongyu.example.cn//embed//course-lists/list-a/',
    ]) {
      expect(normalizedPath(spelling), spelling).toBe(canonical)
    }
  })

  it('never climbs above the root, and refuses malformed escapes', () => {
    expect(normalizedPath('/../../etc/passwd')).toBe('/etc/passwd')
    expect(normalizedPath('/%2e%2e/%2e%2e/etc/passwd')).toBe('/etc/passwd')
    expect(() => normalizedPath('/%E4%BD')).toThrow(URIError)
  })
})

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  /** The body as sent, decompressed when it was compressed. */
  body: Buffer
  /** Bytes on the wire. */
  wireBytes: number
}

/** A raw request (no client-side normalization of the path, no automatic decompression). */
function get(base: string, target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(base)
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: target, method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        const wire = Buffer.concat(chunks)
        const encoding = response.headers['content-encoding']
        const body = encoding === 'br' ? brotliDecompressSync(wire) : encoding === 'gzip' ? gunzipSync(wire) : wire
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, wireBytes: wire.length })
      })
    })
      .on('error', reject)
      .end()
  })
}

const PAGE_CSP = "default-src 'self'; script-src 'self'; frame-ancestors 'self'"
const EMBED_CSP = "default-src 'none'; frame-ancestors 'self' https://school.example.cn"

/** A small built site: pages in both scripts, 404 pages, a hashed stylesheet, a precompressed index, HLS and captions. */
function writeSite(root: string, label: string): void {
  const files: Record<string, string | Buffer> = {
    'index.html': `<!doctype html><title>首页 ${label}</title>${'<p>家长课程，亲子沟通。</p>'.repeat(200)}`,
    'lessons/first/index.html': `<!doctype html><title>第一课</title>${'<p>家长课程。</p>'.repeat(100)}`,
    'embed/course-lists/list-a/index.html': '<!doctype html><title>清单</title>',
    '404.html': `<!doctype html><title>找不到</title>${'<p>没有这一页。</p>'.repeat(50)}`,
    'zh-hant/404.html': `<!doctype html><title>找不到這一頁</title>${'<p>沒有這一頁。</p>'.repeat(50)}`,
    'zh-hant/index.html': '<!doctype html><title>首頁</title>',
    '_astro/site.abc123.css': `body{color:#0b6b50}${'.a{margin:0}'.repeat(100)}`,
    'search-index.json': JSON.stringify({ words: Array.from({ length: 500 }, (_, index) => `词${index}`) }),
    'media/hls/clip/master.m3u8': '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=400000\n360p.m3u8\n',
    'media/hls/clip/seg0.m4s': Buffer.alloc(4096, 7),
    'media/hls/clip/seg0.ts': Buffer.alloc(2048, 3),
    // A ladder in its versioned folder (cms/src/video/ladderVersion.ts), as the CMS now writes them.
    'media/hls/7/0123456789abcdef/master.m3u8': '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=400400\n240p/index.m3u8\n',
    'media/hls/7/0123456789abcdef/240p/index.m3u8': '#EXTM3U\n#EXT-X-MAP:URI="init_0.mp4"\n#EXTINF:4.0,\nseg_00000.m4s\n',
    'media/hls/7/0123456789abcdef/240p/init_0.mp4': Buffer.alloc(512, 1),
    'media/hls/7/0123456789abcdef/240p/seg_00000.m4s': Buffer.alloc(4096, 2),
    'media/hls/7/0123456789abcdef/poster.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    'feeds/lessons.json': JSON.stringify({ items: [] }),
    // The browser's search index in parts (search/src/sharded/writeShardedIndex.ts): a manifest naming a content-named folder.
    'search-index/manifest.js': '__gongyuSearchPart("manifest.js",{"parts":"0123456789abcdef"})\n',
    'search-index/0123456789abcdef/terms/0.js': '__gongyuSearchPart("0123456789abcdef/terms/0.js",{})\n',
    'search-index/0123456789abcdef/docs/3.js': '__gongyuSearchPart("0123456789abcdef/docs/3.js",{})\n',
    'zh-hant/search-index/manifest.js': '__gongyuSearchPart("manifest.js",{"parts":"fedcba9876543210"})\n',
    'zh-hant/search-index/fedcba9876543210/docs/0.js': '__gongyuSearchPart("fedcba9876543210/docs/0.js",{})\n',
    // An index written before parts were content-named: names that do not change with the bytes.
    'search-index/terms/0.js': '__gongyuSearchPart("terms/0.js",{})\n',
    'media/captions/clip.vtt': `WEBVTT\n\n00:00.000 --> 00:02.000\n${'家长好。'.repeat(40)}\n`,
    '_headers.json': JSON.stringify({
      rules: [
        { path: '/*', headers: { 'content-security-policy': PAGE_CSP } },
        { path: '/embed/course-lists/list-a/*', headers: { 'content-security-policy': EMBED_CSP } },
      ],
    }),
  }
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    writeFileSync(path.join(root, name), content)
  }
  // The build's precompressed sibling (site/src/integrations/precompressIntegration.ts).
  writeFileSync(path.join(root, 'search-index.json.gz'), gzipSync(readFileSync(path.join(root, 'search-index.json'))))
}

describe('the static server’s responses', () => {
  let work: string
  let siteFolder: string
  let server: Server
  let base: string

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'gongyu-static-server-'))
    siteFolder = path.join(work, 'site')
    writeSite(siteFolder, 'A')
    writeFileSync(path.join(work, 'secret.txt'), 'not for the web')
    server = createStaticServer({ root: () => siteFolder })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()))
    rmSync(work, { recursive: true, force: true })
  })

  it('compresses pages with brotli, or gzip, whichever the client accepts, and sends them plain to a client that takes neither', async () => {
    const original = readFileSync(path.join(siteFolder, 'index.html'))
    const brotli = await get(base, '/', { 'accept-encoding': 'gzip, deflate, br' })
    expect(brotli.headers['content-encoding']).toBe('br')
    expect(brotli.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(brotli.headers.vary).toMatch(/accept-encoding/i)
    expect(brotli.body.equals(original)).toBe(true)
    expect(brotli.wireBytes).toBeLessThan(original.length / 3)
    const gzip = await get(base, '/', { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gzip.body.equals(original)).toBe(true)
    const plain = await get(base, '/')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.wireBytes).toBe(original.length)
  })

  it('compresses every kind of text (styles, captions, playlists, 404 pages) and never video', async () => {
    for (const [route, type] of [
      ['/_astro/site.abc123.css', 'text/css; charset=utf-8'],
      ['/media/captions/clip.vtt', 'text/vtt; charset=utf-8'],
      ['/media/hls/clip/master.m3u8', 'application/vnd.apple.mpegurl'],
      ['/no-such-page/', 'text/html; charset=utf-8'],
    ]) {
      const answer = await get(base, route as string, { 'accept-encoding': 'br' })
      expect(answer.headers['content-type'], route).toBe(type)
      expect(answer.headers['content-encoding'], route).toBe('br')
    }
    for (const [route, type] of [
      ['/media/hls/clip/seg0.m4s', 'video/iso.segment'],
      ['/media/hls/clip/seg0.ts', 'video/mp2t'],
    ]) {
      const answer = await get(base, route as string, { 'accept-encoding': 'br, gzip' })
      expect(answer.status, route).toBe(200)
      expect(answer.headers['content-type'], route).toBe(type)
      expect(answer.headers['content-encoding'], route).toBeUndefined()
    }
  })

  it('sends the build’s gzipped copy of a file as it is, to clients that accept gzip', async () => {
    const answer = await get(base, '/search-index.json', { 'accept-encoding': 'gzip, deflate, br' })
    expect(answer.headers['content-encoding']).toBe('gzip')
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(answer.wireBytes).toBe(readFileSync(path.join(siteFolder, 'search-index.json.gz')).length)
    expect(answer.body.equals(readFileSync(path.join(siteFolder, 'search-index.json')))).toBe(true)
  })

  it('sends the security headers and the matching header rule on pages, files, redirects and 404s, for every spelling', async () => {
    for (const route of ['/', '/lessons/first/', '/lessons/first', '/_astro/site.abc123.css', '/media/hls/clip/seg0.m4s', '/no-such-page/']) {
      const { headers } = await get(base, route)
      expect(headers['content-security-policy'], route).toBe(PAGE_CSP)
      for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) expect(headers[name], `${route} ${name}`).toBe(value)
    }
    for (const spelling of [
      '/embed/course-lists/list-a/',
      '/embed//course-lists/list-a/',
      '/embed/./course-lists/list-a/index.html',
      '/embed%2Fcourse-lists%2Flist-a/',
    ]) {
      const answer = await get(base, spelling)
      expect(answer.status, spelling).toBe(200)
      expect(answer.headers['content-security-policy'], spelling).toBe(EMBED_CSP)
    }
  })

  it('keeps hashed assets and versioned segments for a year, and has pages, feeds and playlists checked again', async () => {
    const cacheControl = async (target: string) => {
      const answer = await get(base, target)
      expect(answer.status, target).toBe(200)
      return answer.headers['cache-control']
    }
    const year = 'public, max-age=31536000, immutable'
    const short = 'public, max-age=0, s-maxage=60, must-revalidate'
    expect(await cacheControl('/_astro/site.abc123.css')).toBe(year)
    for (const file of ['240p/init_0.mp4', '240p/seg_00000.m4s', 'poster.jpg']) expect(await cacheControl(`/media/hls/7/0123456789abcdef/${file}`)).toBe(year)
    for (const target of ['/lessons/first/', '/zh-hant/index.html', '/feeds/lessons.json', '/search-index.json', '/media/hls/7/0123456789abcdef/master.m3u8']) {
      expect(await cacheControl(target), target).toBe(short)
    }
    expect(await cacheControl('/media/hls/7/0123456789abcdef/240p/index.m3u8')).toBe(short)
    // Names that do not change with their content: a day at most, never immutable.
    expect(await cacheControl('/media/captions/clip.vtt')).toBe('public, max-age=86400')
    expect(await cacheControl('/media/hls/clip/seg0.m4s')).toBe('public, max-age=86400')
    // Another spelling of a versioned path is the same file, with the same rule.
    expect((await get(base, '/media/hls/7//0123456789abcdef/./240p/seg_00000.m4s')).headers['cache-control']).toBe(year)
    expect((await get(base, '/media/hls/7/0123456789abcdef/240p/seg_99999.m4s')).headers['cache-control']).toBe('no-cache')
  })

  it('keeps the search index’s content-named parts for a year, and has its manifest, which names them, checked again', async () => {
    const year = 'public, max-age=31536000, immutable'
    const short = 'public, max-age=0, s-maxage=60, must-revalidate'
    for (const part of [
      '/search-index/0123456789abcdef/terms/0.js',
      '/search-index/0123456789abcdef/docs/3.js',
      '/zh-hant/search-index/fedcba9876543210/docs/0.js',
    ]) {
      const answer = await get(base, part, { 'accept-encoding': 'gzip' })
      expect(answer.status, part).toBe(200)
      expect(answer.headers['cache-control'], part).toBe(year)
    }
    for (const manifest of ['/search-index/manifest.js', '/zh-hant/search-index/manifest.js']) {
      const answer = await get(base, manifest)
      expect(answer.status, manifest).toBe(200)
      expect(answer.headers['cache-control'], manifest).toBe(short)
    }
    // A part whose name is not a hash of its bytes is never kept as immutable.
    expect((await get(base, '/search-index/terms/0.js')).headers['cache-control']).not.toContain('immutable')
  })

  it('redirects a folder without its slash, and answers 404 with the page of the right script', async () => {
    const redirect = await get(base, '/lessons/first?x=1')
    expect(redirect.status).toBe(301)
    expect(redirect.headers.location).toBe('/lessons/first/')
    const simplified = await get(base, '/lessons/missing/')
    expect(simplified.status).toBe(404)
    expect(simplified.body.toString()).toContain('找不到')
    const traditional = await get(base, '/zh-hant/lessons/missing/', { 'accept-encoding': 'gzip' })
    expect(traditional.status).toBe(404)
    expect(traditional.body.toString()).toContain('找不到這一頁')
    // A file where a folder is expected is missing too, not a crash.
    expect((await get(base, '/index.html/x')).status).toBe(404)
  })

  it('serves nothing outside the folder, whatever the spelling, and refuses bad escapes and other methods', async () => {
    for (const spelling of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..\\secret.txt', '//../secret.txt']) {
      const answer = await get(base, spelling)
      expect(answer.status, spelling).toBe(404)
      expect(answer.body.toString(), spelling).not.toContain('not for the web')
    }
    expect((await get(base, '/%E4%BD')).status).toBe(400)
    const post = await get(base, '/', {}, 'POST')
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
    const head = await get(base, '/lessons/first/', {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
  })

  it('answers a byte range of a video segment, and revalidates a page by its ETag', async () => {
    const range = await get(base, '/media/hls/clip/seg0.m4s', { range: 'bytes=0-99' })
    expect(range.status).toBe(206)
    expect(range.body.length).toBe(100)
    const first = await get(base, '/lessons/first/')
    const again = await get(base, '/lessons/first/', { 'if-none-match': String(first.headers.etag) })
    expect(again.status).toBe(304)
    expect(again.headers['content-security-policy']).toBe(PAGE_CSP)
  })

  it('serves a rebuilt site swapped in under the same path', async () => {
    const next = path.join(work, 'site-next')
    writeSite(next, 'B')
    rmSync(siteFolder, { recursive: true })
    renameSync(next, siteFolder)
    expect((await get(base, '/', { 'accept-encoding': 'br' })).body.toString()).toContain('首页 B')
  })
})

describe('the offline pack’s serve.mjs', () => {
  let work: string
  let child: ChildProcess | undefined

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'gongyu-pack-server-'))
  })

  afterAll(() => {
    child?.kill()
    rmSync(work, { recursive: true, force: true })
  })

  it('is one file that imports only Node’s own modules, and serves the pack compressed', async () => {
    const pack = path.join(work, 'gongyu')
    writeSite(pack, 'pack')
    const serve = path.join(pack, 'serve.mjs')
    await bundlePackServer(serve)
    const source = readFileSync(serve, 'utf8')
    const imports = [...source.matchAll(/^\s*import\b[^'"]*['"]([^'"]+)['"]|__require\(['"]([^'"]+)['"]\)/gm)].map((match) => String(match[1] ?? match[2]))
    expect(imports.length).toBeGreaterThan(0)
    expect(imports.filter((name) => !isBuiltin(name))).toEqual([])
    expect(source).toContain('application/vnd.apple.mpegurl')
    const port = await freePort()
    child = spawn(process.execPath, [serve, pack, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((resolve, reject) => {
      child?.stdout?.once('data', () => resolve())
      child?.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)))
    })
    const page = await get(`http://127.0.0.1:${port}`, '/', { 'accept-encoding': 'gzip' })
    expect(page.status).toBe(200)
    expect(page.headers['content-encoding']).toBe('gzip')
    expect(page.body.toString()).toContain('首页 pack')
    const playlist = await get(`http://127.0.0.1:${port}`, '/media/hls/clip/master.m3u8', { 'accept-encoding': 'br' })
    expect(playlist.headers['content-type']).toBe('application/vnd.apple.mpegurl')
    expect(playlist.headers['content-encoding']).toBe('br')
    // The pack's LAN server sends the site's cache rules: search parts for a year, the manifest checked again.
    const part = await get(`http://127.0.0.1:${port}`, '/search-index/0123456789abcdef/terms/0.js')
    expect(part.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const manifest = await get(`http://127.0.0.1:${port}`, '/search-index/manifest.js')
    expect(manifest.headers['cache-control']).toBe('public, max-age=0, s-maxage=60, must-revalidate')
  })
})
