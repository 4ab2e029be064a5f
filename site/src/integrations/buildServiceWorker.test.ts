import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServiceWorker } from './buildServiceWorker.ts'

describe('the service worker build', () => {
  let outDir: string

  beforeAll(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'gongyu-sw-'))
    const files: Record<string, string> = {
      'offline/index.html': '<h1>现在没有网络</h1>',
      'zh-hant/offline/index.html': '<h1>現在沒有網絡</h1>',
      '_astro/BaseLayout.abc123.css': 'body{color:#0b6b50}',
      '_astro/search.def456.js': 'export {}',
      'lessons/first/index.html': '<h1>第一课</h1>',
    }
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(outDir, name)), { recursive: true })
      writeFileSync(path.join(outDir, name), content)
    }
  })

  afterAll(() => rmSync(outDir, { recursive: true, force: true }))

  it('writes one classic script that precaches both offline pages and the stylesheets, and nothing else', async () => {
    const { precached } = await buildServiceWorker(outDir)
    expect(precached).toBe(3)
    const source = readFileSync(path.join(outDir, 'sw.js'), 'utf8')
    // The manifest is in; no placeholder, module syntax or script from elsewhere is left (CSP script-src 'self', no internet).
    expect(source).not.toContain('__WB_MANIFEST')
    expect(source).not.toMatch(/\bimportScripts\(|^\s*import\s|\bexport\s*\{/m)
    const manifest = JSON.parse(/(\[\{"revision".*?\}\])/.exec(source)?.[1] ?? '[]') as { url: string; revision: string | null }[]
    expect(manifest.map((entry) => entry.url).sort()).toEqual(['_astro/BaseLayout.abc123.css', 'offline/index.html', 'zh-hant/offline/index.html'])
    // Hashed names are their own revision; the offline pages are revisioned by content.
    expect(manifest.find((entry) => entry.url.startsWith('_astro/'))?.revision).toBeNull()
    expect(manifest.find((entry) => entry.url === 'offline/index.html')?.revision).toMatch(/^[0-9a-f]{32}$/)
    // Pages outlive builds in their own cache; the strategies are Workbox's, bundled in.
    expect(source).toContain('gongyu-pages')
    expect(source).toContain('keep-page')
  })
})
