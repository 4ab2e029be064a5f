import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { PageFile } from './pageFiles.ts'
import { type Convert, TRADITIONAL_PREFIX, type TraditionalOptions, traditionalConverter, traditionalPage } from './traditional.ts'

/** What one batch of built pages needs: where the site is, its page routes and its public URL. */
export interface TraditionalCopyJob {
  outDir: string
  pages: PageFile[]
  routes: string[]
  site: string
}

/** The routes (of the batch's Simplified pages) that search engines may index. */
export type IndexableRoutes = string[]

/**
 * Writes one page's Traditional copy under /zh-hant/ and says whether search
 * engines may index the page. `folders` remembers the folders already made,
 * so a batch does not ask the disk again for every page.
 */
export function writeTraditionalPage(outDir: string, page: PageFile, html: string, options: TraditionalOptions, folders: Set<string>): boolean {
  const { html: converted, noindex } = traditionalPage(html, options)
  const target = path.join(outDir, TRADITIONAL_PREFIX, path.relative(outDir, page.file))
  const folder = path.dirname(target)
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true })
    folders.add(folder)
  }
  writeFileSync(target, converted)
  return page.route.endsWith('/') && !noindex
}

/** Writes the Traditional copy of a batch of built pages, read from disk, with one converter; returns the indexable routes. */
export function copyPagesToTraditional(job: TraditionalCopyJob, convert: Convert = traditionalConverter()): IndexableRoutes {
  const options = { routes: new Set(job.routes), site: job.site, convert }
  const folders = new Set<string>()
  return job.pages.filter((page) => writeTraditionalPage(job.outDir, page, readFileSync(page.file, 'utf8'), options, folders)).map((page) => page.route)
}

/** A page as Astro rendered it, not yet known to be on disk: its file, its route and its HTML. */
export interface RenderedPage extends PageFile {
  html: Uint8Array
}

/** A batch of rendered pages to copy while Astro is still rendering the others. */
export interface RenderedBatch {
  outDir: string
  site: string
  pages: RenderedPage[]
}

/** What a rendered batch wrote, and the link targets it had to take for pages or not before all pages were known. */
export interface RenderedBatchReport {
  files: string[]
  indexable: IndexableRoutes
  /** Every site-relative link route the batch's pages hold (see looksLikePage). */
  linkRoutes: string[]
}

// Astro writes these as 404.html and 500.html: a link to the folder names no page.
const STATUS_FOLDERS = new Set(['/404/', '/500/'])

/**
 * Whether a link route names a Simplified page, judged from its shape while
 * the other pages are still being rendered: pages are folders
 * (`/lessons/x/`) or `.html` files, outside the Traditional copy. The build
 * checks every judgement against the finished site
 * (TraditionalStream.complete) and copies again any page a wrong one touched.
 */
export function looksLikePage(route: string): boolean {
  return (route.endsWith('/') || route.endsWith('.html')) && !route.startsWith(`${TRADITIONAL_PREFIX}/`) && !STATUS_FOLDERS.has(route)
}

/** Writes the Traditional copy of a batch of rendered pages, judging links by looksLikePage. */
export function copyRenderedPages(batch: RenderedBatch, convert: Convert, folders: Set<string>): RenderedBatchReport {
  const linkRoutes = new Set<string>()
  const routes = {
    has: (route: string) => {
      linkRoutes.add(route)
      return looksLikePage(route)
    },
  }
  const options = { routes, site: batch.site, convert }
  // As readFileSync(…, 'utf8') would read it: a byte-order mark, were there one, stays.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  const report: RenderedBatchReport = { files: [], indexable: [], linkRoutes: [] }
  for (const page of batch.pages) {
    if (writeTraditionalPage(batch.outDir, page, decoder.decode(page.html), options, folders)) report.indexable.push(page.route)
    report.files.push(page.file)
  }
  report.linkRoutes = [...linkRoutes]
  return report
}
