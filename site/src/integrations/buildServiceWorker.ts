import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
// The one function, not the package's index: the index also loads generateSW's Rollup and Babel (1.3 s against 0.16 s).
import { injectManifest } from 'workbox-build/build/inject-manifest.js'
import { precachedPageFiles } from './precachedPages.ts'
import { TRADITIONAL_PREFIX } from './traditional.ts'

const SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'serviceWorker', 'serviceWorker.ts')

/**
 * Writes `<outDir>/sw.js`: the service worker bundled with Workbox into one classic script (a
 * worker's `importScripts` from a CDN would need the internet and break `script-src 'self'`), then
 * Workbox's precache manifest injected into it: both offline pages, every stylesheet of this build, and
 * 我的学习, the verify and the check-in pages with their scripts (precachedPages.ts).
 * Runs after the Traditional copy exists.
 */
export async function buildServiceWorker(outDir: string): Promise<{ precached: number; bytes: number }> {
  const file = path.join(outDir, 'sw.js')
  await build({
    entryPoints: [SOURCE],
    outfile: file,
    bundle: true,
    format: 'iife',
    // Android WebViews that have service workers at all run ES2017.
    target: 'es2017',
    minify: true,
    // Workbox's development logging sits behind this check; a production build drops it.
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  })
  const { count, size, warnings } = await injectManifest({
    swSrc: file,
    swDest: file,
    globDirectory: outDir,
    globPatterns: ['offline/index.html', `${TRADITIONAL_PREFIX.slice(1)}/offline/index.html`, '_astro/*.css', ...(await precachedPageFiles(outDir))],
    // Astro's file names carry a content hash, so the URL itself is the revision.
    dontCacheBustURLsMatching: /^_astro\//,
  })
  if (warnings.length > 0) throw new Error(`Workbox: ${warnings.join('; ')}`)
  return { precached: count, bytes: size }
}
