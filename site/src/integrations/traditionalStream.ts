import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { PageFile } from './pageFiles.ts'
import { sharedTraditionalConverter, TRADITIONAL_PREFIX } from './traditional.ts'
import {
  copyPagesToTraditional,
  copyRenderedPages,
  type IndexableRoutes,
  looksLikePage,
  type RenderedBatchReport,
  type RenderedPage,
} from './traditionalCopy.ts'

// Small batches keep a worker busy from the first pages on; two in flight each, so it never waits for this thread.
const BATCH_PAGES = 8
const BATCHES_PER_WORKER = 2
// Past this many pages waiting (the workers are behind), this thread copies a batch itself between two renders.
const BACKLOG_PAGES = 64

interface CopyWorker {
  thread: Worker
  inFlight: number
}

// The pages Astro writes as <status>.html, not <status>/index.html, whatever the URL's trailing slash.
const STATUS_PAGES = new Set(['/404', '/500'])

/** The file a rendered URL path is written to, as Astro's `directory` format writes it (`/x/` → x/index.html, `/404/` → 404.html). */
function pageOf(outDir: string, pathname: string): PageFile {
  const bare = pathname.endsWith('/') ? pathname.slice(0, -1) : pathname
  if (STATUS_PAGES.has(bare)) return { file: path.join(outDir, `${bare}.html`), route: `${bare}.html` }
  const relative = pathname.endsWith('/') ? `${pathname}index.html` : pathname.endsWith('.html') ? pathname : `${pathname}.html`
  return { file: path.join(outDir, relative), route: pathname.endsWith('/') ? pathname : relative }
}

/**
 * The Traditional copy written while Astro renders: traditionalMiddleware
 * hands over each page as it is rendered, and worker threads (one per core
 * but this one, started before the pages, so their tables are loaded) copy
 * it to /zh-hant/ on the other cores while this thread renders the next
 * pages. Links are judged page or not by their shape until every page is
 * known; `complete` then checks each judgement and finishes the copy.
 */
export class TraditionalStream {
  private readonly outDir: string
  private readonly site: string
  private readonly workers: CopyWorker[]
  private readonly backlog: RenderedPage[] = []
  private readonly reports: RenderedBatchReport[] = []
  private readonly folders = new Set<string>()
  private failure: Error | undefined
  private drained: (() => void) | undefined
  private stopped = false
  /** Pages this thread copied itself, the workers being behind (or absent). */
  copiedHere = 0

  constructor(outDir: string, site: string, workers = availableParallelism() - 1) {
    this.outDir = outDir
    this.site = site
    this.workers = Array.from({ length: Math.max(workers, 0) }, () => this.startWorker())
  }

  private startWorker(): CopyWorker {
    const worker: CopyWorker = { thread: new Worker(new URL('./traditionalCopyWorker.ts', import.meta.url)), inFlight: 0 }
    // Not holding the process open: a build that fails before complete() exits at once.
    worker.thread.unref()
    worker.thread.on('message', (report: RenderedBatchReport) => {
      worker.inFlight -= 1
      this.reports.push(report)
      this.dispatch()
      this.checkDrained()
    })
    worker.thread.on('error', (error) => this.fail(error))
    worker.thread.on('exit', (code) => {
      if (code !== 0 && !this.stopped) this.fail(new Error(`繁体页面转换线程异常退出（退出码 ${code}）`))
    })
    return worker
  }

  private fail(error: Error): void {
    this.failure ??= error
    for (const worker of this.workers) worker.inFlight = 0
    this.checkDrained()
  }

  private checkDrained(): void {
    if (this.drained && this.workers.every((worker) => worker.inFlight === 0)) this.drained()
  }

  private dispatch(): void {
    if (this.failure) return
    for (const worker of this.workers) {
      while (worker.inFlight < BATCHES_PER_WORKER && this.backlog.length > 0) {
        const pages = this.backlog.splice(0, BATCH_PAGES)
        worker.inFlight += 1
        worker.thread.postMessage(
          { outDir: this.outDir, site: this.site, pages },
          pages.map((page) => page.html.buffer as ArrayBuffer),
        )
      }
    }
  }

  private copyHere(): void {
    this.copiedHere += Math.min(this.backlog.length, BATCH_PAGES)
    this.reports.push(
      copyRenderedPages({ outDir: this.outDir, site: this.site, pages: this.backlog.splice(0, BATCH_PAGES) }, sharedTraditionalConverter(), this.folders),
    )
  }

  /** One rendered page (its URL path and HTML bytes, which this takes over): copied by a worker, or here when they are behind. */
  add(pathname: string, html: Uint8Array): void {
    this.backlog.push({ ...pageOf(this.outDir, pathname), html })
    this.dispatch()
    if (this.backlog.length >= (this.workers.length > 0 ? BACKLOG_PAGES : BATCH_PAGES)) this.copyHere()
  }

  /**
   * Once every page is written (`pages`, the Simplified ones): copies what is
   * still waiting, here and in the workers; copies again, with the real list
   * of pages, any page holding a link whose shape misled (a folder link to no
   * page) and any page the middleware never saw; removes copies of files that
   * are not pages; stops the workers. Returns the indexable routes, in the
   * order of `pages`.
   */
  async complete(pages: PageFile[]): Promise<IndexableRoutes> {
    for (const worker of this.workers) worker.thread.ref()
    try {
      while (this.backlog.length > 0 && !this.failure) {
        this.dispatch()
        if (this.backlog.length > 0) this.copyHere()
        // Lets the workers' reports in, so they get their next batches.
        await new Promise((resolve) => setImmediate(resolve))
      }
      await new Promise<void>((resolve) => {
        this.drained = resolve
        this.checkDrained()
      })
    } finally {
      this.stop()
    }
    if (this.failure) throw this.failure
    return this.reconcile(pages)
  }

  private reconcile(pages: PageFile[]): IndexableRoutes {
    const routes = new Set(pages.map((page) => page.route))
    const copied = new Set<string>()
    const indexable = new Set<string>()
    const misjudged = new Set<string>()
    for (const report of this.reports) {
      for (const file of report.files) copied.add(file)
      for (const route of report.indexable) indexable.add(route)
      for (const route of report.linkRoutes) if (looksLikePage(route) !== routes.has(route)) misjudged.add(route)
    }
    // A misjudged route written with characters HTML escapes cannot be found in the text: then every page is copied again.
    const findable = [...misjudged].every((route) => !/[&<>"']/.test(route))
    const copyAgain = (page: PageFile) => {
      if (!copied.has(page.file)) return true
      if (misjudged.size === 0) return false
      if (!findable) return true
      const html = readFileSync(page.file, 'utf8')
      return [...misjudged].some((route) => html.includes(route))
    }
    const again = pages.filter(copyAgain)
    const listed = new Set(pages.map((page) => page.file))
    for (const file of copied) {
      if (listed.has(file)) continue
      const copy = path.join(this.outDir, TRADITIONAL_PREFIX, path.relative(this.outDir, file))
      rmSync(copy, { force: true })
      if (readdirSync(path.dirname(copy)).length === 0) rmSync(path.dirname(copy), { recursive: true })
    }
    for (const page of again) indexable.delete(page.route)
    const copiedAgain = copyPagesToTraditional({ outDir: this.outDir, pages: again, routes: [...routes], site: this.site }, sharedTraditionalConverter())
    for (const route of copiedAgain) indexable.add(route)
    return pages.filter((page) => indexable.has(page.route)).map((page) => page.route)
  }

  /** Stops the workers (complete() does, once they are done). */
  stop(): void {
    this.stopped = true
    for (const worker of this.workers) void worker.thread.terminate()
  }
}
