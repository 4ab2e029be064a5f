import { defineConfig } from 'astro/config'
import { readSiteConfig } from './src/config.ts'
import { gongyuIntegration } from './src/integrations/gongyuIntegration.ts'
import { precompressIntegration } from './src/integrations/precompressIntegration.ts'
import { widgetsIntegration } from './src/integrations/widgetsIntegration.ts'

const config = readSiteConfig()

// A static site: every page is HTML at build time, with no client JavaScript unless a page asks for it.
export default defineConfig({
  output: 'static',
  site: config.siteUrl,
  trailingSlash: 'always',
  // Builds in tests and the dev runner write elsewhere; each build dir gets its own cache so builds never share state.
  outDir: config.outDir,
  cacheDir: config.cacheDir,
  build: {
    format: 'directory',
    // One external stylesheet, cached once and kept by the service worker, instead of CSS repeated in every page.
    inlineStylesheets: 'never',
    // Four pages at a time: one renders while the others are being written to disk (Astro's default is one).
    concurrency: 4,
  },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  // Precompression runs last, after the other integrations have written their files.
  integrations: [gongyuIntegration(), widgetsIntegration(), precompressIntegration()],
})
