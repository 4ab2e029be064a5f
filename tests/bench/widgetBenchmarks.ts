import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { budgetedBytes, bundleWidgets, WIDGET_BUDGET_GZIP_BYTES } from '../../site/src/integrations/widgetBundle.ts'
import { buildSite } from '../../site/scripts/buildSite.ts'
import { launchChromium } from '../helpers/browser.ts'
import { serveFolder } from '../helpers/siteBuild.ts'
import { hostHtml, startWidgetHost } from '../helpers/widgetHost.ts'
import { widgetScriptOf } from '../helpers/widgetSites.ts'
import { starterBank } from './starterBank.ts'
import { ms, percentile } from './stats.ts'

const RUNS = 7
const CPU_SLOWDOWN = 4

/** The site built from the run's starter bank, served on loopback. */
async function siteToMeasure(): Promise<{ url: string; outDir: string; stop: () => Promise<void> }> {
  const bank = starterBank()
  const work = mkdtempSync(path.join(tmpdir(), 'gongyu-widget-bench-'))
  const outDir = path.join(work, 'dist')
  await buildSite({ outDir, env: { GONGYU_DATA_DIR: bank.dataDir, GONGYU_EXPORT_DIR: bank.exportDir } })
  const served = await serveFolder(outDir)
  return {
    url: served.url,
    outDir,
    stop: async () => {
      await served.stop()
      rmSync(work, { recursive: true, force: true })
    },
  }
}

/**
 * The widgets' cost to a school's page: the script's gzip size against its
 * budget; the time from the script's request to the first rendered 20-item
 * list on a foreign localhost page with the CPU slowed 4× (cache off, so
 * every run fetches script and feed); and the bytes that cost on the wire.
 * Figures only: nothing here fails on timing.
 */
export async function widgetBenchmarks(): Promise<Record<string, unknown>> {
  const bundle = await bundleWidgets()
  const site = await siteToMeasure()
  const host = await startWidgetHost()
  const browser = await launchChromium()
  try {
    const script = await widgetScriptOf(site.url)
    host.setPage('/bench.html', {
      html: hostHtml(
        `<gongyu-course-list grade="p3"></gongyu-course-list><script src="${script.src}" integrity="${script.integrity}" crossorigin="anonymous" defer></script>`,
      ),
    })
    const fromRequest: number[] = []
    const fromLoaded: number[] = []
    let wire: Record<string, number> = {}
    let items = 0
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.addInitScript(() => {
        document.addEventListener('gongyu:rendered', (event) => {
          const timing = window as unknown as { __renderedAt?: number; __renderedItems?: number }
          timing.__renderedAt ??= performance.now()
          timing.__renderedItems ??= (event as CustomEvent<{ count: number }>).detail.count
        })
      })
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
      const urls = new Map<string, string>()
      const bytes: Record<string, number> = {}
      cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url))
      cdp.on('Network.loadingFinished', (event) => {
        const url = urls.get(event.requestId) ?? ''
        const kind = url.includes('/widgets/v1/') ? 'script' : url.includes('/feeds/') ? 'feed' : null
        if (kind) bytes[kind] = (bytes[kind] ?? 0) + event.encodedDataLength
      })
      await page.goto(`${host.origin}/bench.html`)
      await page.waitForFunction(() => (window as unknown as { __renderedAt?: number }).__renderedAt !== undefined, undefined, { timeout: 60_000 })
      const timing = await page.evaluate(() => {
        const entry = performance
          .getEntriesByType('resource')
          .find((resource) => resource.name.includes('/widgets/v1/gongyu-widgets.')) as PerformanceResourceTiming
        const state = window as unknown as { __renderedAt: number; __renderedItems: number }
        return { start: entry.startTime, loaded: entry.responseEnd, rendered: state.__renderedAt, items: state.__renderedItems }
      })
      fromRequest.push(timing.rendered - timing.start)
      fromLoaded.push(timing.rendered - timing.loaded)
      items = timing.items
      wire = bytes
      await context.close()
    }
    const feedFile = path.join(site.outDir, 'feeds', 'grades', 'p3.json')
    const scriptFile = path.join(site.outDir, new URL(script.src).pathname)
    return {
      scriptGzipBytes: bundle.widgets.gzipBytes,
      stylesheetFallbackGzipBytes: bundle.widgetsCss.gzipBytes,
      budgetUsedPercent: Math.round((budgetedBytes(bundle) / WIDGET_BUDGET_GZIP_BYTES) * 100),
      builderScriptGzipBytes: bundle.builder.gzipBytes,
      embedFrameScriptGzipBytes: bundle.frame.gzipBytes,
      firstListRender: {
        cpuSlowdown: CPU_SLOWDOWN,
        runs: RUNS,
        items,
        fromScriptRequestMs: { p50: ms(percentile(fromRequest, 50)), p95: ms(percentile(fromRequest, 95)) },
        fromScriptLoadedMs: { p50: ms(percentile(fromLoaded, 50)), p95: ms(percentile(fromLoaded, 95)) },
      },
      // wireBytes: as the site's own static server sent them; gzipBytes: the same files gzipped, as any compressing host sends them.
      transferFor20ItemList: {
        wireBytes: { script: wire.script ?? 0, feed: wire.feed ?? 0, total: (wire.script ?? 0) + (wire.feed ?? 0) },
        gzipBytes: { script: gzipSync(readFileSync(scriptFile)).length, feed: gzipSync(readFileSync(feedFile)).length },
      },
    }
  } finally {
    await browser.close()
    await host.stop()
    await site.stop()
  }
}
