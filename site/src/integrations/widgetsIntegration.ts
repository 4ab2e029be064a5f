import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { readPublishedContent } from '../content/publishedLoader.ts'
import { siteHeaderRule } from './securityHeaders.ts'
import { embedHeaderRules, writeHeaderFiles } from './embedHeaders.ts'
import { assertWithinBudget, budgetedBytes, bundleWidgets, manifestOf, writeWidgetAssets, type WidgetBundle } from './widgetBundle.ts'

const VIRTUAL_ID = 'virtual:gongyu-widgets'
const RESOLVED_ID = `\0${VIRTUAL_ID}`

/**
 * The embeddable widgets' part of the build. Pages import the versioned
 * file names and SRI hashes from `virtual:gongyu-widgets`; after Astro
 * writes the pages, this writes the scripts under /widgets/v1/ and the
 * per-path headers (`_headers.json` for staticServer.ts, `_headers` for
 * static hosts). The static feeds (Simplified and Traditional) come from
 * the export alone, so gongyuIntegration's export worker writes them.
 * The bundle is made once per build and checked against its size budget.
 */
export function widgetsIntegration(): AstroIntegration {
  let bundle: Promise<WidgetBundle> | undefined
  const widgets = () => {
    bundle ??= bundleWidgets().then((built) => {
      assertWithinBudget(built)
      return built
    })
    return bundle
  }
  return {
    name: 'gongyu-widgets',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'gongyu-widgets-manifest',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: async (id: string) => (id === RESOLVED_ID ? `export default ${JSON.stringify(manifestOf(await widgets()))}` : undefined),
              },
            ],
          },
        })
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now()
        const outDir = fileURLToPath(dir)
        const built = await widgets()
        const files = writeWidgetAssets(outDir, built)
        const content = readPublishedContent()
        // The site-wide rule goes first: the embed pages' rules after it replace its CSP.
        writeHeaderFiles(outDir, [siteHeaderRule(), ...embedHeaderRules(content, files)])
        logger.info(`挂件脚本 ${(budgetedBytes(built) / 1024).toFixed(1)} KB（gzip，预算 12 KB），用时 ${Math.round(performance.now() - started)} ms`)
      },
    },
  }
}
