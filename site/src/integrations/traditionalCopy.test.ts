import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listPages } from './pageFiles.ts'
import { sharedTraditionalConverter } from './traditional.ts'
import { writeTraditionalCopy } from './traditionalCopy.ts'

const site = 'https://gongyu.example.cn'
let outDir: string

afterEach(() => rmSync(outDir, { recursive: true, force: true }))

function page(route: string, body: string, head = ''): void {
  const file = path.join(outDir, route, 'index.html')
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, `<!doctype html><html lang="zh-Hans"><head>${head}</head><body>${body}</body></html>`)
}

describe('the Traditional copy of the site', () => {
  for (const pagesPerWorker of [1_000, 1]) {
    it(`writes every page under zh-hant/ and lists the indexable ones (${pagesPerWorker === 1 ? 'in worker threads' : 'in this thread'})`, async () => {
      outDir = mkdtempSync(path.join(tmpdir(), 'gongyu-traditional-'))
      page('/', '<a href="/lessons/a/">亲子沟通</a>')
      page('/lessons/a/', '<p>后来头发里面</p>')
      page('/embed/grades/p3/', '<p>三年级</p>', '<meta name="robots" content="noindex, nofollow">')
      const pages = listPages(outDir)
      const indexable = await writeTraditionalCopy({ outDir, pages, routes: pages.map((one) => one.route), site }, sharedTraditionalConverter(), pagesPerWorker)
      expect(indexable.sort()).toEqual(['/', '/lessons/a/'])
      expect(readFileSync(path.join(outDir, 'zh-hant', 'index.html'), 'utf8')).toContain('<a href="/zh-hant/lessons/a/">親子溝通</a>')
      expect(readFileSync(path.join(outDir, 'zh-hant', 'lessons', 'a', 'index.html'), 'utf8')).toContain('<p>後來頭髮裡面</p>')
      expect(readFileSync(path.join(outDir, 'zh-hant', 'embed', 'grades', 'p3', 'index.html'), 'utf8')).toContain('<html lang="zh-Hant">')
    })
  }
})
