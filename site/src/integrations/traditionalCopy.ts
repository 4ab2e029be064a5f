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

function inWorker(job: TraditionalCopyJob): Promise<IndexableRoutes> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./traditionalCopyWorker.ts', import.meta.url), { workerData: job })
    worker.once('message', (indexable: IndexableRoutes) => resolve(indexable))
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`繁体页面转换线程异常退出（退出码 ${code}）`))
    })
  })
}

/**
 * Writes the Traditional copy of every page, in worker threads so the
 * caller can build the search index meanwhile: one worker per free core,
 * and none for a small site (the main thread converts it with `convert`).
 */
export async function writeTraditionalCopy(job: TraditionalCopyJob, convert: Convert, pagesPerWorker = PAGES_PER_WORKER): Promise<IndexableRoutes> {
  const workers = Math.min(Math.max(availableParallelism() - 1, 1), Math.floor(job.pages.length / pagesPerWorker))
  if (workers === 0) return copyPagesToTraditional(job, convert)
  const size = Math.ceil(job.pages.length / workers)
  const batches = Array.from({ length: workers }, (_, index) => ({ ...job, pages: job.pages.slice(index * size, (index + 1) * size) }))
  return (await Promise.all(batches.map(inWorker))).flat()
}
