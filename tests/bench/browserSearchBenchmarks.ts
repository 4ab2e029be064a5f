import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { escapeHtml, type PublicRecord } from '@gongyu/contract'
import { evaluateRelevance, type SearchEngine, type SearchHit, type SearchResponse } from '@gongyu/search'
import { writeShardedIndexes } from '@gongyu/search/server'
import { build } from 'esbuild'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { readJudgedQueries } from '../../search/src/relevance/judgedQueries.ts'
import { launchChromium } from '../helpers/browser.ts'
import { serveFolder } from '../helpers/siteBuild.ts'
import { syntheticRecords } from './syntheticRecords.ts'

// Issue 15: the sharded browser index in Chromium, side by side with Pagefind (1.6, extended: Chinese segmentation)
// on the same records, each record one page. The slow-phone profile is the issue's: 1.6 Mbit/s, +150 ms, CPU 4× slower.
const SLOW_PHONE = { latency: 150, downloadThroughput: 200_000, uploadThroughput: 96_000, offline: false }
const CPU_SLOWDOWN = 4
const SIZES = [0, 2000, 10_000] as const
const FIRST_QUERY = '孩子总玩手机怎么办'
const SECOND_QUERY = '隔代教养'

const here = path.dirname(fileURLToPath(import.meta.url))
const repositoryRoot = path.resolve(here, '..', '..')

declare global {
  interface Window {
    gongyuBench: { open(url: string): Promise<void>; search(query: unknown): Promise<SearchResponse>; searchText(q: string): Promise<number> }
    pagefindBench: { search(q: string, depth: number): Promise<string[]> }
  }
}

/** The bench page's script: the browser entry's engine, opened on a folder, callable from the test. */
const ENTRY = `
import { ShardedSearch } from '${path.join(repositoryRoot, 'search/src/sharded/ShardedSearch.ts')}'
import { scriptPartLoader } from '${path.join(repositoryRoot, 'search/src/sharded/scriptPartLoader.ts')}'
import { parseSearchQuery } from '${path.join(repositoryRoot, 'search/src/query/searchQuery.ts')}'
let engine
window.gongyuBench = {
  async open(url) { engine = await ShardedSearch.open(scriptPartLoader(url)) },
  search: (query) => engine.search(query),
  async searchText(q) { const answer = await engine.search(parseSearchQuery({ q })); return answer.hits.length },
}
`

// Pagefind runs its engine in a web worker, which CDP's CPU and network throttling on the page do not reach; on a
// phone every thread is slow, so the bench runs it on the page (its own noWorker option) to throttle both alike.
const PAGEFIND_ENTRY = `
let instance
window.pagefindBench = {
  async search(q, depth) {
    if (!instance) instance = (await import('/pagefind/pagefind.js')).createInstance({ basePath: '/pagefind/', noWorker: true })
    const found = await instance.search(q)
    const data = await Promise.all(found.results.slice(0, depth).map((result) => result.data()))
    return data.map((entry) => entry.url)
  },
}
`

function gzipBytes(text: string): number {
  return gzipSync(text).length
}

async function bundle(folder: string): Promise<number> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: repositoryRoot, loader: 'js' },
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  })
  const code = result.outputFiles[0]?.text ?? ''
  writeFileSync(path.join(folder, 'engine.js'), code)
  writeFileSync(path.join(folder, 'engine.js.gz'), gzipSync(code))
  writeFileSync(path.join(folder, 'pagefind-bench.js'), PAGEFIND_ENTRY)
  writeFileSync(
    path.join(folder, 'index.html'),
    '<!doctype html><html lang="zh-cn"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>',
  )
  return gzipBytes(code)
}

/** One page per record for Pagefind: what the static index holds (title, summary, themes), in Chinese. */
function writePagefindSite(folder: string, records: PublicRecord[]): { ms: number; error?: string } {
  for (const record of records) {
    const file = path.join(folder, 'r', record.type, record.slug, 'index.html')
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(
      file,
      `<!doctype html><html lang="zh-cn"><head><meta charset="utf-8"><title>${escapeHtml(record.title)}</title></head><body><main data-pagefind-body><h1>${escapeHtml(record.title)}</h1><p>${escapeHtml(record.summary)}</p><p>${escapeHtml(record.themeNames.join('、'))}</p></main></body></html>`,
    )
  }
  const binary = path.join(path.dirname(createRequire(import.meta.url).resolve('@pagefind/linux-x64/package.json')), 'bin', 'pagefind_extended')
  const started = performance.now()
  const run = spawnSync(binary, ['--site', folder, '--output-subdir', 'pagefind', '--quiet'], { encoding: 'utf8' })
  return { ms: Math.round(performance.now() - started), ...(run.status === 0 ? {} : { error: `${run.error?.message ?? ''}${run.stderr}`.slice(0, 300) }) }
}

async function slowPhone(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', SLOW_PHONE)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  return cdp
}

/** Wire bytes (gzip bodies and headers) of what the page loads while `act` runs. */
async function bytesWhile(cdp: CDPSession, act: () => Promise<unknown>): Promise<{ bytes: number; requests: number }> {
  let bytes = 0
  let requests = 0
  const count = (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength
    requests += 1
  }
  cdp.on('Network.loadingFinished', count)
  await act()
  cdp.off('Network.loadingFinished', count)
  return { bytes, requests }
}

function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (share: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0) * 10) / 10
  return { queries: times.length, p50Ms: at(0.5), p95Ms: at(0.95) }
}

/** First query and second query on a fresh slow phone: bytes, requests and time to the first result's data. */
async function firstQueries(browser: Browser, url: string, engine: 'gongyu' | 'pagefind') {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${url}/index.html`)
  const cdp = await slowPhone(page)
  const started = performance.now()
  const first = await bytesWhile(cdp, () =>
    engine === 'gongyu'
      ? page.evaluate(async (q) => {
          // As the search element does: the manifest preloads while the engine's code loads.
          const preload = Object.assign(document.createElement('link'), { rel: 'preload', as: 'script', href: '/search-index/manifest.js' })
          document.head.append(preload)
          await new Promise<void>((resolve, reject) => {
            const script = document.createElement('script')
            script.src = '/engine.js'
            script.onload = () => resolve()
            script.onerror = () => reject(new Error('engine.js'))
            document.head.append(script)
          })
          await window.gongyuBench.open(new URL('/search-index/', location.href).href)
          return window.gongyuBench.searchText(q)
        }, FIRST_QUERY)
      : page.evaluate(async (q) => {
          await new Promise<void>((resolve) => {
            const script = document.createElement('script')
            script.src = '/pagefind-bench.js'
            script.onload = () => resolve()
            document.head.append(script)
          })
          return (await window.pagefindBench.search(q, 10)).length
        }, FIRST_QUERY),
  )
  const firstResultMs = Math.round(performance.now() - started)
  const secondStarted = performance.now()
  const second = await bytesWhile(cdp, () =>
    engine === 'gongyu'
      ? page.evaluate((q) => window.gongyuBench.searchText(q), SECOND_QUERY)
      : page.evaluate((q) => window.pagefindBench.search(q, 10), SECOND_QUERY),
  )
  const secondResultMs = Math.round(performance.now() - secondStarted)
  await context.close()
  return { firstQuery: { ...first, resultMs: firstResultMs }, secondQuery: { ...second, resultMs: secondResultMs } }
}

/** Query times in the page with the CPU 4× slower and no network wait: each judged query cold (loading its parts over loopback) and then warm. */
async function queryTimes(browser: Browser, url: string, queries: string[], engine: 'gongyu' | 'pagefind') {
  const page = await browser.newPage()
  await page.goto(`${url}/index.html`)
  await page.addScriptTag({ url: engine === 'gongyu' ? '/engine.js' : '/pagefind-bench.js' })
  if (engine === 'gongyu') await page.evaluate(() => window.gongyuBench.open(new URL('/search-index/', location.href).href))
  else await page.evaluate(() => window.pagefindBench.search('孩子', 5))
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  const time = (q: string) =>
    page.evaluate(
      async ({ q, engine }) => {
        const started = performance.now()
        if (engine === 'gongyu') await window.gongyuBench.searchText(q)
        else await window.pagefindBench.search(q, 10)
        return performance.now() - started
      },
      { q, engine },
    )
  const cold: number[] = []
  const warm: number[] = []
  for (const q of queries) cold.push(await time(q))
  for (const q of queries) warm.push(await time(q))
  await page.close()
  return { cold: percentiles(cold), warm: percentiles(warm) }
}

/** Recall on the judged queries, in the page: our engine with the queries' filters, Pagefind on the text alone (its pages carry no filters). */
async function recall(browser: Browser, url: string, records: PublicRecord[], engine: 'gongyu' | 'pagefind') {
  const page = await browser.newPage()
  await page.goto(`${url}/index.html`)
  await page.addScriptTag({ url: engine === 'gongyu' ? '/engine.js' : '/pagefind-bench.js' })
  if (engine === 'gongyu') await page.evaluate(() => window.gongyuBench.open(new URL('/search-index/', location.href).href))
  const byUrl = new Map(records.map((record) => [`/r/${record.type}/${record.slug}/`, record]))
  const inPage: SearchEngine = {
    name: 'embedded',
    search: async (query) => {
      if (engine === 'gongyu') return page.evaluate((parsed) => window.gongyuBench.search(parsed), query as unknown)
      const urls = await page.evaluate(({ q }) => window.pagefindBench.search(q, 10), { q: query.text })
      const hits = urls.flatMap((found) => {
        const record = byUrl.get(new URL(found, 'http://x').pathname)
        return record ? [{ ...record, titleHtml: '', snippetHtml: '' } as SearchHit] : []
      })
      return { engine: 'embedded', query, total: hits.length, page: 1, pageSize: 10, totalPages: 1, hits, facets: {} } as unknown as SearchResponse
    },
  } as SearchEngine
  const report = await evaluateRelevance(inPage, readJudgedQueries())
  await page.close()
  return { recallAt5: report.recallAt5, mrr: report.mrr }
}

/**
 * The sharded browser index against Pagefind at 458 (the starter bank),
 * 2,000 and 10,000 records (synthetic, syntheticRecords.ts): first and
 * second query bytes and time to the first result on the slow-phone
 * profile, query p50/p95 with the CPU 4× slower, and recall@5.
 */
export async function browserSearchBenchmarks(records: PublicRecord[], sizes: readonly number[] = SIZES): Promise<Record<string, unknown>> {
  const browser = await launchChromium()
  const queries = readJudgedQueries().map((entry) => entry.query)
  const figures: Record<string, unknown> = {}
  try {
    for (const size of sizes) {
      const bank = size === 0 ? records : syntheticRecords(records, size)
      const folder = mkdtempSync(path.join(tmpdir(), 'gongyu-bench-browser-'))
      try {
        const started = performance.now()
        const [written] = writeShardedIndexes(bank, [{ directory: folder }])
        const buildMs = Math.round(performance.now() - started)
        const engineGzipBytes = await bundle(folder)
        const pagefindBuild = writePagefindSite(folder, bank)
        const served = await serveFolder(folder)
        try {
          const gongyu = {
            index: {
              buildMs,
              files: written?.files,
              gzipBytes: written?.gzipBytes,
              manifestGzipBytes: written?.manifestGzipBytes,
              shards: written?.shardCount,
              buckets: written?.bucketCount,
              engineGzipBytes,
            },
            slowPhone: await firstQueries(browser, served.url, 'gongyu'),
            queryCpu4x: await queryTimes(browser, served.url, queries, 'gongyu'),
            ...(size === 0 ? { relevance: await recall(browser, served.url, bank, 'gongyu') } : {}),
          }
          const pagefind = pagefindBuild.error
            ? { missing: pagefindBuild.error }
            : {
                index: { buildMs: pagefindBuild.ms },
                slowPhone: await firstQueries(browser, served.url, 'pagefind'),
                queryCpu4x: await queryTimes(browser, served.url, queries, 'pagefind'),
                ...(size === 0 ? { relevance: await recall(browser, served.url, bank, 'pagefind') } : {}),
              }
          figures[size === 0 ? `starter${bank.length}` : `synthetic${size}`] = { records: bank.length, synthetic: size !== 0, gongyu, pagefind }
        } finally {
          await served.stop()
        }
      } finally {
        rmSync(folder, { recursive: true, force: true })
      }
    }
  } finally {
    await browser.close()
  }
  return {
    profile: { ...SLOW_PHONE, cpuSlowdown: CPU_SLOWDOWN, firstQuery: FIRST_QUERY, secondQuery: SECOND_QUERY },
    ...figures,
    targets: { firstQueryBytesAt10k: 150 * 1024, queryP95MsAt10kCpu4x: 50, recallOverPagefind: 1.2 },
  }
}
