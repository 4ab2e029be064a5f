import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sitemap, { type SitemapOptions } from '@astrojs/sitemap'
import type { AstroIntegration } from 'astro'
import { writeStaticIndexes } from '@gongyu/search/server'
import { readPublishedContent } from '../content/publishedLoader.ts'
import { buildServiceWorker } from './buildServiceWorker.ts'
import { copyMedia, MEDIA_FOLDER } from './copyMedia.ts'
import { listPages } from './pageFiles.ts'
import { sharedTraditionalConverter, TRADITIONAL_PREFIX } from './traditional.ts'
import { writeTraditionalCopy } from './traditionalCopy.ts'

const TRADITIONAL_FOLDER = TRADITIONAL_PREFIX.slice(1)

/**
 * After Astro writes the Simplified site: the Traditional copy of every page
 * under /zh-hant/ (converted here, so no converter is shipped), the service
 * worker's build stamp, the CMS's video and caption files under /media/, the
 * static search index for each script, and (through @astrojs/sitemap, which
 * this integration adds) the sitemap of both copies.
 */
export function gongyuIntegration(): AstroIntegration {
  let site = 'http://localhost:4321'
  const indexable = new Set<string>()
  // Read by @astrojs/sitemap when its own build hook runs, after this one has filled them in:
  // every indexable page and its Traditional copy, each naming the other (hreflang alternates).
  const sitemapOptions: SitemapOptions = {
    customPages: [],
    filter: (url) => indexable.has(new URL(url).pathname),
    i18n: { defaultLocale: 'zh-Hans', locales: { 'zh-Hans': 'zh-Hans', [TRADITIONAL_FOLDER]: 'zh-Hant' } },
  }
  return {
    name: 'gongyu-site',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ integrations: [sitemap(sitemapOptions)] })
      },
      'astro:config:done': ({ config }) => {
        if (config.site) site = config.site
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now()
        const outDir = fileURLToPath(dir)
        const pages = listPages(outDir, [TRADITIONAL_FOLDER, MEDIA_FOLDER])
        const convert = sharedTraditionalConverter()
        // The pages convert in a worker thread while this one builds the search index.
        const traditionalCopy = writeTraditionalCopy({ outDir, pages, routes: pages.map((page) => page.route), site }, convert)
        // mediaSources is optional in the contract: exports from before video have none.
        const { mediaSources, records } = readPublishedContent()
        const media = copyMedia(mediaSources, records, outDir)
        // The browser's search index, built once, with Traditional display text under /zh-hant/ (matching is the same).
        const indexStarted = performance.now()
        const [searchIndex] = writeStaticIndexes(records, [{ directory: outDir }, { directory: path.join(outDir, TRADITIONAL_FOLDER), displayText: convert }])
        const indexMs = Math.round(performance.now() - indexStarted)
        for (const route of await traditionalCopy) indexable.add(route).add(`${TRADITIONAL_PREFIX}${route}`)
        const traditionalMs = Math.round(performance.now() - started)
        // The service worker precaches both offline pages, so it is built once the Traditional copy exists.
        const serviceWorker = await buildServiceWorker(outDir)
        sitemapOptions.customPages = [...indexable].map((route) => new URL(route, site).href)
        logger.info(`离线缓存 ${serviceWorker.precached} 个文件`)
        logger.info(
          `搜索索引 ${records.length} 条，${Math.round((searchIndex?.gzipBytes ?? 0) / 1024)} KB（gzip），用时 ${indexMs} ms（与繁体页面同时进行，繁体页面完成于 ${traditionalMs} ms）`,
        )
        logger.info(`繁体页面 ${pages.length} 个，站点地图 ${indexable.size} 个网址，媒体文件 ${media} 个，用时 ${Math.round(performance.now() - started)} ms`)
      },
    },
  }
}
