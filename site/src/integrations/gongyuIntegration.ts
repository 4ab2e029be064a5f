import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sitemap, { type SitemapOptions } from '@astrojs/sitemap'
import type { AstroIntegration } from 'astro'
import { catalogOf, type PlanPageProps, plansOf } from '../content/catalogData.ts'
import { markPlanFilesBuiltByWorker } from '../content/planFilesSlot.ts'
import { readPublishedContent } from '../content/publishedLoader.ts'
import { buildServiceWorker } from './buildServiceWorker.ts'
import { copyMedia, MEDIA_FOLDER } from './copyMedia.ts'
import { listPages } from './pageFiles.ts'
import type { ExportWorkReport } from './exportWorker.ts'
import type { PlanFilesReport } from './planFilesWorker.ts'
import { moveStaged, type StagedWork, startStagedWork } from './stagedWork.ts'
import { RENDERED_PAGE_SINK, type RenderedPageSink } from './renderedPageSink.ts'
import { TRADITIONAL_PREFIX } from './traditional.ts'
import { TraditionalStream } from './traditionalStream.ts'

const TRADITIONAL_FOLDER = TRADITIONAL_PREFIX.slice(1)

/** Turns Vite's dependency optimizer off in every environment (after Astro's plugin has listed what it would prebundle). */
const withoutDependencyOptimizer = {
  name: 'gongyu-build-without-dependency-optimizer',
  enforce: 'post' as const,
  configEnvironment: (_name: string, options: { optimizeDeps?: { noDiscovery?: boolean; include?: string[] } }) => {
    options.optimizeDeps = { ...options.optimizeDeps, noDiscovery: true, include: [] }
  },
}

/** The lesson plans and their lessons, for the Word files' worker; none when the export cannot be read (the content sync then stops the build with its message). */
function plansToWrite(): PlanPageProps[] {
  try {
    return plansOf(catalogOf(readPublishedContent()))
  } catch {
    return []
  }
}

/**
 * The Traditional copy of every page under /zh-hant/ (converted at build
 * time, so no converter is shipped; worker threads copy each page while
 * Astro renders the next, through traditionalMiddleware). After Astro writes
 * the Simplified site: the service worker's build stamp, the CMS's video and
 * caption files under /media/, the static search index and the widget feeds
 * for each script and the lesson plans' Word files (written by worker
 * threads from the export while Astro renders), and (through
 * @astrojs/sitemap, which this integration adds) the sitemap of both copies.
 */
export function gongyuIntegration(): AstroIntegration {
  let site = 'http://localhost:4321'
  let outDirUrl = new URL('file:///')
  const indexableRoutes = new Set<string>()
  // Read by @astrojs/sitemap when its own build hook runs, after this one has filled them in:
  // every indexable page and its Traditional copy, each naming the other (hreflang alternates).
  // The alternates are paired here by route: the plugin's own `i18n` option finds them by comparing every URL with every other.
  const sitemapOptions: SitemapOptions = {
    customPages: [],
    filter: (url) => indexableRoutes.has(new URL(url).pathname),
    serialize: (item) => {
      const route = new URL(item.url).pathname
      const simplified = route.startsWith(`${TRADITIONAL_PREFIX}/`) ? route.slice(TRADITIONAL_PREFIX.length) : route
      const traditional = `${TRADITIONAL_PREFIX}${simplified}`
      if (indexableRoutes.has(simplified) && indexableRoutes.has(traditional)) {
        item.links = [
          { url: new URL(simplified, site).href, lang: 'zh-Hans' },
          { url: new URL(traditional, site).href, lang: 'zh-Hant' },
        ]
      }
      return item
    },
  }
  let exportWork: StagedWork<ExportWorkReport> | undefined
  let planFilesWork: StagedWork<PlanFilesReport> | undefined
  let traditionalStream: TraditionalStream | undefined
  const slot = globalThis as { [RENDERED_PAGE_SINK]?: RenderedPageSink }
  return {
    name: 'gongyu-site',
    hooks: {
      'astro:config:setup': ({ addMiddleware, command, config, updateConfig }) => {
        updateConfig({ integrations: [sitemap(sitemapOptions)] })
        // `astro build` starts a dev server of its own to load the content config, and its dependency optimizer bundled the dev
        // toolbar's modules again on every build (its cache in node_modules/.vite is shared, and any other build's NODE_ENV
        // invalidates it). A build never serves those modules: the optimizer is off for builds, as it is for Astro's own sync.
        if (command === 'build') updateConfig({ vite: { plugins: [withoutDependencyOptimizer] } })
        if (command === 'build') addMiddleware({ entrypoint: new URL('./traditionalMiddleware.ts', import.meta.url), order: 'pre' })
        // The search index, the widget feeds and the plans' Word files need only the export: workers write them on the second core while Astro renders the pages.
        if (command === 'build') {
          exportWork = startStagedWork(new URL('./exportWorker.ts', import.meta.url), path.join(fileURLToPath(config.cacheDir), 'gongyu-export-work'))
          // The plans with their lessons go to the Word files' worker, which then needs neither the export nor the catalog.
          planFilesWork = startStagedWork(new URL('./planFilesWorker.ts', import.meta.url), path.join(fileURLToPath(config.cacheDir), 'gongyu-plan-files'), {
            plans: plansToWrite(),
            // The address the plans' QR codes open, as the pages' `Astro.site` gives it.
            site: config.site ?? site,
          })
          markPlanFilesBuiltByWorker()
        }
      },
      'astro:config:done': ({ config }) => {
        if (config.site) site = config.site
        outDirUrl = config.outDir
      },
      'astro:build:start': () => {
        // Started now, the workers have loaded their conversion tables by the time the pages are rendered.
        const stream = new TraditionalStream(fileURLToPath(outDirUrl), site)
        traditionalStream = stream
        slot[RENDERED_PAGE_SINK] = (pathname, html) => stream.add(pathname, html)
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now()
        const outDir = fileURLToPath(dir)
        const pages = listPages(outDir, [TRADITIONAL_FOLDER, MEDIA_FOLDER])
        delete slot[RENDERED_PAGE_SINK]
        if (!traditionalStream) throw new Error('繁体页面没有开始生成（astro:build:start 没有运行）')
        // Most pages are copied by now; this thread and the workers copy the rest.
        const indexable = await traditionalStream.complete(pages)
        for (const route of indexable) indexableRoutes.add(route).add(`${TRADITIONAL_PREFIX}${route}`)
        const traditionalMs = Math.round(performance.now() - started)
        // mediaSources is optional in the contract: exports from before video have none.
        const { mediaSources, records } = readPublishedContent()
        const media = copyMedia(mediaSources, records, outDir)
        if (!exportWork) throw new Error('搜索索引和挂件数据文件没有开始生成（astro:config:setup 不是在 build 命令下运行的）')
        const fromExport = await exportWork.done()
        moveStaged(exportWork.stagingDir, outDir)
        if (!planFilesWork) throw new Error('教案 Word 文件没有开始生成（astro:config:setup 不是在 build 命令下运行的）')
        const planFiles = await planFilesWork.done()
        moveStaged(planFilesWork.stagingDir, outDir)
        // The service worker precaches both offline pages, so it is built once the Traditional copy exists.
        const serviceWorker = await buildServiceWorker(outDir)
        sitemapOptions.customPages = [...indexableRoutes].map((route) => new URL(route, site).href)
        logger.info(`离线缓存 ${serviceWorker.precached} 个文件`)
        logger.info(
          `搜索索引 ${fromExport.records} 条，${Math.round(fromExport.indexGzipBytes / 1024)} KB（gzip），用时 ${fromExport.indexMs} ms；挂件数据文件 ${fromExport.feeds} 个 ×2（简体、繁体），用时 ${fromExport.feedsMs} ms；教案 Word 文件 ${planFiles.files} 个，用时 ${planFiles.ms} ms（都与页面生成同时进行）`,
        )
        logger.info(
          `繁体页面 ${pages.length} 个（与页面生成同时转换，本线程转换 ${traditionalStream.copiedHere} 个，收尾 ${traditionalMs} ms），站点地图 ${indexableRoutes.size} 个网址，媒体文件 ${media} 个，用时 ${Math.round(performance.now() - started)} ms`,
        )
      },
    },
  }
}
