import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { writeStaticIndexes } from '@gongyu/search/static-index'
import { readPublishedContent } from '../loaders/publishedLoader.ts'
import { copyMedia, MEDIA_FOLDER } from './copyMedia.ts'
import { listPages } from './pageFiles.ts'
import { sitemapXml } from './sitemap.ts'
import { toTraditional, traditionalConverter, TRADITIONAL_PREFIX } from './traditional.ts'

const TRADITIONAL_FOLDER = TRADITIONAL_PREFIX.slice(1)

/** Stamps the service worker with this build's version and the files it should keep from the start. */
function stampServiceWorker(outDir: string): void {
  const file = path.join(outDir, 'sw.js')
  const assets = readdirSync(path.join(outDir, '_astro'))
    .filter((name) => name.endsWith('.css'))
    .map((name) => `_astro/${name}`)
  const precache = ['offline/', `${TRADITIONAL_FOLDER}/offline/`, ...assets]
  const version = createHash('sha256').update(precache.join('\n')).update(String(Date.now())).digest('hex').slice(0, 12)
  const source = readFileSync(file, 'utf8')
    .replace("'__GONGYU_BUILD__'", JSON.stringify(version))
    .replace('[] /* __GONGYU_PRECACHE__ */', JSON.stringify(precache))
  writeFileSync(file, source)
}

/**
 * After Astro writes the Simplified site: the Traditional copy of every page
 * under /zh-hant/ (converted here, so no converter is shipped), the sitemap
 * with both, the service worker's build stamp, the CMS's video and caption
 * files under /media/, and the static search index for each script.
 */
export function gongyuIntegration(): AstroIntegration {
  let site = 'http://localhost:4321'
  return {
    name: 'gongyu-site',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.site) site = config.site
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now()
        const outDir = fileURLToPath(dir)
        const pages = listPages(outDir, [TRADITIONAL_FOLDER, MEDIA_FOLDER])
        const routes = new Set(pages.map((page) => page.route))
        const convert = traditionalConverter()
        const indexable: string[] = []
        for (const page of pages) {
          const html = readFileSync(page.file, 'utf8')
          const target = path.join(outDir, TRADITIONAL_FOLDER, path.relative(outDir, page.file))
          mkdirSync(path.dirname(target), { recursive: true })
          writeFileSync(target, toTraditional(html, { routes, site, convert }))
          if (page.route.endsWith('/') && !html.includes('name="robots" content="noindex')) indexable.push(page.route)
        }
        writeFileSync(path.join(outDir, 'sitemap.xml'), sitemapXml(indexable, site))
        stampServiceWorker(outDir)
        // mediaSources is optional in the contract: exports from before video have none.
        const { mediaSources, records } = readPublishedContent()
        const media = copyMedia(mediaSources, records, outDir)
        // The browser's search index, with Traditional display text under /zh-hant/ (matching is the same).
        const [searchIndex] = writeStaticIndexes(records, [{ directory: outDir }, { directory: path.join(outDir, TRADITIONAL_FOLDER), displayText: convert }])
        logger.info(`搜索索引 ${records.length} 条，${Math.round((searchIndex?.gzipBytes ?? 0) / 1024)} KB（gzip）`)
        logger.info(
          `繁体页面 ${pages.length} 个，站点地图 ${indexable.length * 2} 个网址，媒体文件 ${media} 个，用时 ${Math.round(performance.now() - started)} ms`,
        )
      },
    },
  }
}
