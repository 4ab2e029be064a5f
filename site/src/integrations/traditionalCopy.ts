import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { PageFile } from './pageFiles.ts'
import { type Convert, TRADITIONAL_PREFIX, traditionalConverter, traditionalPage } from './traditional.ts'

/** What one batch of pages needs: where the site is, its page routes and its public URL. */
export interface TraditionalCopyJob {
  outDir: string
  pages: PageFile[]
  routes: string[]
  site: string
}

/** The routes (of the batch's Simplified pages) that search engines may index. */
export type IndexableRoutes = string[]

// Below this many pages a worker's start-up (loading the 1 MB cn2t tables again) costs more than it saves.
const PAGES_PER_WORKER = 400

/** Writes the Traditional copy of a batch of pages under /zh-hant/, with one converter; returns the indexable routes. */
export function copyPagesToTraditional(job: TraditionalCopyJob, convert: Convert = traditionalConverter()): IndexableRoutes {
  const routes = new Set(job.routes)
  const indexable: IndexableRoutes = []
  for (const page of job.pages) {
    const { html, noindex } = traditionalPage(readFileSync(page.file, 'utf8'), { routes, site: job.site, convert })
    const target = path.join(job.outDir, TRADITIONAL_PREFIX, path.relative(job.outDir, page.file))
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, html)
    if (page.route.endsWith('/') && !noindex) indexable.push(page.route)
  }
  return indexable
}

/** A worker thread that converts one batch of pages, started ahead so its tables are loaded by the time the pages exist. */
export interface TraditionalWorker {
  convert: (job: TraditionalCopyJob) => Promise<IndexableRoutes>
  stop: () => void
}

/** Starts a worker for writeTraditionalCopy; it waits, not holding the process open, until given its batch. */
export function startTraditionalWorker(): TraditionalWorker {
  const worker = new Worker(new URL('./traditionalCopyWorker.ts', import.meta.url))
  worker.unref()
  const indexable = new Promise<IndexableRoutes>((resolve, reject) => {
    worker.once('message', (routes: IndexableRoutes) => resolve(routes))
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`繁体页面转换线程异常退出（退出码 ${code}）`))
    })
  })
  // A worker that is stopped unused, or a build that fails first, leaves this unawaited.
  indexable.catch(() => undefined)
  return {
    convert: (job) => {
      worker.ref()
      worker.postMessage(job)
      return indexable
    },
    stop: () => void worker.terminate(),
  }
}

/** One worker per core but this one: the number startTraditionalWorker is worth calling. */
export function traditionalWorkerCount(): number {
  return availableParallelism() - 1
}

/**
 * Writes the Traditional copy of every page, shared between this thread
 * (with `convert`) and worker threads (`workers`, started ahead, or new
 * ones: one per other core), so every core converts; a small site is
 * converted here alone. Workers left without a batch are stopped.
 */
export async function writeTraditionalCopy(
  job: TraditionalCopyJob,
  convert: Convert,
  pagesPerWorker = PAGES_PER_WORKER,
  workers?: TraditionalWorker[],
): Promise<IndexableRoutes> {
  const available = workers ?? []
  const helpers = Math.min(workers ? available.length : traditionalWorkerCount(), Math.floor(job.pages.length / pagesPerWorker) - 1)
  for (const unused of available.slice(Math.max(helpers, 0))) unused.stop()
  if (helpers <= 0) return copyPagesToTraditional(job, convert)
  const size = Math.ceil(job.pages.length / (helpers + 1))
  const [own, ...others] = Array.from({ length: helpers + 1 }, (_, index) => ({ ...job, pages: job.pages.slice(index * size, (index + 1) * size) }))
  // The workers get their batches first, so they convert while this thread converts its own.
  const converting = others.map((batch, index) => (available[index] ?? startTraditionalWorker()).convert(batch))
  const indexable = own ? copyPagesToTraditional(own, convert) : []
  return [...indexable, ...(await Promise.all(converting)).flat()]
}
