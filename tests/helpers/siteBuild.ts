import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { buildSite } from '../../site/scripts/buildSite.ts'
import { createStaticServer } from '../../site/scripts/staticServer.ts'
import { bankSubset } from '../fixtures/bankSubset.ts'
import { freePort } from './freePort.ts'
import { startSeededTestPayload, WHOLE_BANK } from './seededBank.ts'

/** The site URL test builds are made for, so canonical links and JSON-LD can be checked. */
export const TEST_SITE_URL = 'https://gongyu.example.cn'

export interface BuiltTestSite {
  /** Where the site is served, e.g. http://127.0.0.1:41234 (a secure context, so the service worker runs). */
  url: string
  outDir: string
  exportDir: string
  /** Seconds `astro build` took, Traditional copy and sitemap included. */
  buildSeconds: number
  stop: () => Promise<void>
}

export interface BuildTestSiteOptions {
  /** Grades of the starter bank to seed (with everything that refers only to them); all when omitted. */
  grades?: string[]
  /** Runs after seeding and before the export, e.g. to create drafts. */
  beforeExport?: (payload: Payload) => Promise<void>
  /** Pins the build month (home page activity plans). */
  buildDate?: string
  /** More of the site build's environment (e.g. `GONGYU_CMS_URL`). */
  env?: Record<string, string>
}

/**
 * Seeds a fresh SQLite database in a temporary data folder, exports the
 * published content the way `npm run export` does, builds the site from it
 * into a temporary folder and serves it on a free loopback port.
 */
export async function buildTestSite(options: BuildTestSiteOptions = {}): Promise<BuiltTestSite> {
  const root = mkdtempSync(path.join(tmpdir(), 'gongyu-site-'))
  const exportDir = path.join(root, 'published')
  mkdirSync(exportDir)
  // The bank (or the slice of it) as the seed loader leaves it, seeded once and copied.
  const grades = options.grades
  const t = await startSeededTestPayload(grades ? { name: `grades-${grades.join('-')}`, select: (content) => bankSubset(content, grades) } : WHOLE_BANK)
  try {
    await options.beforeExport?.(t.payload)
    const { writePublishedExport } = await import('@gongyu/cms/publishing')
    await writePublishedExport(t.payload, exportDir)
  } finally {
    await t.close()
  }
  return buildAndServeFromExport(root, { ...options.env, ...(options.buildDate ? { GONGYU_BUILD_DATE: options.buildDate } : {}) })
}

/**
 * Builds the site from the export in `<root>/published` into `<root>/dist`
 * and serves it; stopping also removes `root`.
 */
export async function buildAndServeFromExport(root: string, env: Record<string, string> = {}): Promise<BuiltTestSite> {
  const exportDir = path.join(root, 'published')
  const outDir = path.join(root, 'dist')
  const { seconds } = await buildSite({ outDir, env: { GONGYU_EXPORT_DIR: exportDir, GONGYU_SITE_URL: TEST_SITE_URL, ...env } })
  const served = await serveFolder(outDir)
  return {
    url: served.url,
    outDir,
    exportDir,
    buildSeconds: seconds,
    stop: async () => {
      await served.stop()
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** Serves a built site folder with the site's own static server on a free loopback port. */
export async function serveFolder(outDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort()
  const server: Server = createStaticServer({ root: () => outDir })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
