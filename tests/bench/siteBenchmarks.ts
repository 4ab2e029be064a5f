import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { listPages } from '../../site/src/build/pageFiles.ts'
import { buildSite } from '../../site/scripts/buildSite.ts'
import { chromiumPath } from '../helpers/browser.ts'
import { serveFolder } from '../helpers/siteBuild.ts'

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs')

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

/** The full starter bank exported the way a newcomer does it: `npm run seed`, then `npm run export`, in a temporary data folder. */
function exportFullBank(dataDir: string): string {
  for (const script of ['seed', 'export']) {
    const run = spawnSync('npm', ['run', script], {
      cwd: repositoryRoot,
      env: { ...process.env, NODE_ENV: 'development', GONGYU_DATA_DIR: dataDir },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    if (run.status !== 0) throw new Error(`npm run ${script} failed:\n${(run.stdout + run.stderr).slice(-3000)}`)
  }
  return path.join(dataDir, 'published')
}

/** A bare Astro project with `pages` one-line pages: what Astro alone costs for the same page count. */
async function bareAstroBuild(root: string, pages: number): Promise<number> {
  mkdirSync(path.join(root, 'src', 'pages'), { recursive: true })
  symlinkSync(path.join(repositoryRoot, 'node_modules'), path.join(root, 'node_modules'))
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'bare-fixture', type: 'module', private: true }))
  writeFileSync(path.join(root, 'astro.config.mjs'), "export default { output: 'static', devToolbar: { enabled: false } }\n")
  writeFileSync(
    path.join(root, 'src', 'pages', '[n].astro'),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } })) }\nconst { n } = Astro.params\n---\n<html lang="zh-Hans"><head><meta charset="utf-8"><title>页面 {n}</title></head><body><h1>页面 {n}</h1><p>最小页面。</p></body></html>\n`,
  )
  const started = performance.now()
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--root', root], { stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } })
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bare astro build exited ${code}`))))
  })
  return (performance.now() - started) / 1000
}

/** Gzip bytes of a page's HTML and of the CSS and JS it links to (all read from the build). */
function pageWeight(outDir: string, route: string): Record<string, number> {
  const file = path.join(outDir, route, 'index.html')
  const html = readFileSync(file)
  const text = html.toString('utf8')
  const linked = (pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1] as string).filter((url) => url.startsWith('/'))
  const gzipOf = (urls: string[]) => urls.reduce((sum, url) => sum + gzipSync(readFileSync(path.join(outDir, url))).length, 0)
  const css = gzipOf(linked(/<link rel="stylesheet" href="([^"]+)"/g))
  const js = gzipOf(linked(/<script[^>]*\ssrc="([^"]+)"/g))
  const htmlGzip = gzipSync(html).length
  return { htmlKB: kb(htmlGzip), cssKB: kb(css), jsKB: kb(js), htmlPlusCssKB: kb(htmlGzip + css) }
}

/** Lighthouse's default mobile profile (emulated phone, simulated slow 4G and CPU) on one URL. */
async function lighthouseRun(url: string): Promise<Record<string, unknown>> {
  const { default: lighthouse } = await import('lighthouse')
  const chromeLauncher = await import('chrome-launcher')
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? chromiumPath(),
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] })
    const lhr = result?.lhr
    if (!lhr || lhr.runtimeError) return { error: lhr?.runtimeError?.message ?? 'no result' }
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
    const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN)
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      lcpMs: metric('largest-contentful-paint'),
      fcpMs: metric('first-contentful-paint'),
      totalBlockingTimeMs: metric('total-blocking-time'),
      cls: lhr.audits['cumulative-layout-shift']?.numericValue,
      transferKB: kb(lhr.audits['total-byte-weight']?.numericValue ?? 0),
    }
  } finally {
    chrome.kill()
  }
}

/**
 * Site figures for the full starter bank: build time and pages per second
 * against a bare Astro build of the same page count, gzip bytes per page
 * template, and Lighthouse (mobile) for the home, grade, lesson and search
 * pages. Set GONGYU_BENCH_EXPORT_DIR to reuse an existing export.
 */
export async function siteBenchmarks(): Promise<Record<string, unknown>> {
  const work = mkdtempSync(path.join(tmpdir(), 'gongyu-site-bench-'))
  try {
    const exportStarted = performance.now()
    const exportDir = process.env.GONGYU_BENCH_EXPORT_DIR ?? exportFullBank(path.join(work, 'data'))
    const exportSeconds = (performance.now() - exportStarted) / 1000
    const published = JSON.parse(readFileSync(path.join(exportDir, 'published.json'), 'utf8')) as {
      records: { type: string; url: string; grades: string[]; sequence: number | null }[]
    }
    const outDir = path.join(work, 'dist')
    const { seconds } = await buildSite({ outDir, env: { GONGYU_EXPORT_DIR: exportDir } })
    const pages = listPages(outDir).length
    const bareSeconds = await bareAstroBuild(path.join(work, 'bare'), pages)
    const ours = pages / seconds
    const bare = pages / bareSeconds

    const first = (type: string) => published.records.find((record) => record.type === type)?.url ?? '/'
    const lesson = published.records.find((record) => record.type === 'lesson' && record.grades.includes('p3') && record.sequence === 1)?.url ?? first('lesson')
    const templates: Record<string, string> = {
      home: '/',
      stage: '/stages/primary/',
      grade: '/grades/p3/',
      lesson,
      lessonTraditional: `/zh-hant${lesson}`,
      microLesson: first('micro-lesson'),
      caseStudy: first('case-study'),
      caseExplorer: '/cases/',
      lessonPlan: first('lesson-plan'),
      activityPlan: first('activity-plan'),
      search: '/search/',
    }
    const bytes = Object.fromEntries(Object.entries(templates).map(([name, route]) => [name, pageWeight(outDir, route)]))
    const lessonWeight = bytes.lesson as Record<string, number>
    const swRegisterKB = kb(gzipSync(readFileSync(path.join(outDir, 'sw-register.js'))).length)

    const served = await serveFolder(outDir)
    const lighthouse: Record<string, unknown> = {}
    try {
      for (const name of ['home', 'grade', 'lesson', 'search']) lighthouse[name] = await lighthouseRun(`${served.url}${templates[name]}`)
    } finally {
      await served.stop()
    }

    return {
      corpus: {
        records: published.records.length,
        exportSeconds: Math.round(exportSeconds * 10) / 10,
        reusedExport: Boolean(process.env.GONGYU_BENCH_EXPORT_DIR),
      },
      build: {
        pages,
        seconds: Math.round(seconds * 10) / 10,
        pagesPerSecond: Math.round(ours),
        bareAstroSeconds: Math.round(bareSeconds * 10) / 10,
        bareAstroPagesPerSecond: Math.round(bare),
        ratioToBareAstro: Math.round((ours / bare) * 100) / 100,
        note: 'pages include the /zh-hant/ copies, which the build writes after Astro (opencc); the bare fixture renders the same count of one-line pages',
      },
      bytesGzip: bytes,
      budgets: {
        lessonJsKB: lessonWeight.jsKB,
        lessonJsIsOnlyServiceWorkerRegistration: lessonWeight.jsKB === swRegisterKB,
        serviceWorkerRegistrationKB: swRegisterKB,
        lessonHtmlPlusCssKB: lessonWeight.htmlPlusCssKB,
        lessonHtmlPlusCssWithin50KB: (lessonWeight.htmlPlusCssKB ?? Infinity) <= 50,
      },
      lighthouseMobile: lighthouse,
    }
  } finally {
    if (existsSync(work)) rmSync(work, { recursive: true, force: true })
  }
}
