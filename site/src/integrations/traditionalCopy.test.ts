import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listPages } from './pageFiles.ts'
import { looksLikePage } from './traditionalCopy.ts'
import { TraditionalStream } from './traditionalStream.ts'

const site = 'https://gongyu.example.cn'
let outDir: string

afterEach(() => rmSync(outDir, { recursive: true, force: true }))

function html(body: string, head = ''): string {
  return `<!doctype html><html lang="zh-Hans"><head>${head}</head><body>${body}</body></html>`
}

/** Writes a page as Astro would, and returns its bytes. */
function page(route: string, text: string, file = path.join(route, 'index.html')): Uint8Array {
  const target = path.join(outDir, file)
  mkdirSync(path.dirname(target), { recursive: true })
  writeFileSync(target, text)
  return new TextEncoder().encode(text)
}

const traditional = (file: string) => readFileSync(path.join(outDir, 'zh-hant', file), 'utf8')

describe('the Traditional copy of the site, written while Astro renders', () => {
  for (const workers of [0, 1]) {
    it(`writes every page under zh-hant/ and lists the indexable ones in page order (${workers === 0 ? 'in this thread' : 'in a worker thread'})`, async () => {
      outDir = mkdtempSync(path.join(tmpdir(), 'gongyu-traditional-'))
      const stream = new TraditionalStream(outDir, site, workers)
      stream.add('/lessons/a/', page('/lessons/a/', html('<p>后来头发里面</p>')))
      stream.add('/', page('/', html('<a href="/lessons/a/">亲子沟通</a><a href="/zh-hant/">繁體</a>')))
      stream.add('/embed/grades/p3/', page('/embed/grades/p3/', html('<p>三年级</p>', '<meta name="robots" content="noindex, nofollow">')))
      stream.add('/404/', page('/404/', html('<a href="/">首页</a>'), '404.html'))
      const indexable = await stream.complete(listPages(outDir))
      expect(indexable).toEqual(['/', '/lessons/a/'])
      expect(traditional('index.html')).toContain('<a href="/zh-hant/lessons/a/">親子溝通</a><a href="/zh-hant/">')
      expect(traditional('lessons/a/index.html')).toContain('<p>後來頭髮裡面</p>')
      expect(traditional('embed/grades/p3/index.html')).toContain('<html lang="zh-Hant">')
      expect(traditional('404.html')).toContain('<a href="/zh-hant/">首頁</a>')
      expect(existsSync(path.join(outDir, 'zh-hant', '404'))).toBe(false)
    })
  }

  it('copies again, with the finished list of pages, a page whose link looked like a page and was not', async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'gongyu-traditional-'))
    const stream = new TraditionalStream(outDir, site, 1)
    stream.add('/', page('/', html('<a href="/lessons/gone/">已下架</a><a href="/lessons/a/">课程</a>')))
    stream.add('/lessons/a/', page('/lessons/a/', html('<p>课程</p>')))
    expect(await stream.complete(listPages(outDir))).toEqual(['/', '/lessons/a/'])
    expect(traditional('index.html')).toContain('<a href="/lessons/gone/">已下架</a><a href="/zh-hant/lessons/a/">課程</a>')
  })

  it('copies the pages the middleware never handed over, and removes copies of what is not a page', async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'gongyu-traditional-'))
    const stream = new TraditionalStream(outDir, site, 0)
    page('/guide/', html('<p>使用说明</p>'))
    stream.add('/draft/', new TextEncoder().encode(html('<p>草稿</p>')))
    expect(await stream.complete(listPages(outDir))).toEqual(['/guide/'])
    expect(traditional('guide/index.html')).toContain('<p>使用說明</p>')
    expect(existsSync(path.join(outDir, 'zh-hant', 'draft'))).toBe(false)
  })

  it('judges a link a page by its shape: folders and .html files, never the Traditional copy or a status page folder', () => {
    expect(['/lessons/a/', '/404.html', '/'].map(looksLikePage)).toEqual([true, true, true])
    expect(['/sw-register.js', '/zh-hant/lessons/a/', '/404/', '/lessons/a/plan.docx'].map(looksLikePage)).toEqual([false, false, false, false])
  })
})
