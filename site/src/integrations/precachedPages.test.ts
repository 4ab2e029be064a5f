import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { precachedPageFiles } from './precachedPages.ts'

let outDir: string

function write(files: Record<string, string>): void {
  outDir = mkdtempSync(path.join(tmpdir(), 'gongyu-precache-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(outDir, name)), { recursive: true })
    writeFileSync(path.join(outDir, name), content)
  }
}

afterEach(() => rmSync(outDir, { recursive: true, force: true }))

describe('the pages the service worker keeps from the start', () => {
  it('lists 我的学习 in both scripts with every chunk its script imports, and nothing the page does not load', async () => {
    const page =
      '<html><head><script type="module" src="/sw-register.js"></script></head><body><gongyu-my-learning></gongyu-my-learning><script type="module" src="/_astro/Panel.abc.js"></script></body></html>'
    write({
      'my-learning/index.html': page,
      'zh-hant/my-learning/index.html': page,
      '_astro/Panel.abc.js': 'import{a}from"./store.def.js";a();import("./lazy.ghi.js")',
      '_astro/store.def.js': 'import{d}from"./day.jkl.js";export const a=()=>d',
      '_astro/day.jkl.js': 'export const d=1',
      '_astro/lazy.ghi.js': 'export const l=2',
      '_astro/hls.big.js': 'export const h=3',
      'lessons/first/index.html': '<script type="module" src="/_astro/hls.big.js"></script>',
    })
    expect(await precachedPageFiles(outDir)).toEqual([
      'my-learning/index.html',
      'zh-hant/my-learning/index.html',
      '_astro/Panel.abc.js',
      '_astro/day.jkl.js',
      '_astro/lazy.ghi.js',
      '_astro/store.def.js',
    ])
  })

  it('lists nothing for a build without the page', async () => {
    write({ 'offline/index.html': '<h1>现在没有网络</h1>' })
    expect(await precachedPageFiles(outDir)).toEqual([])
  })
})
