import { defineConfig } from 'astro/config'
import { gongyuIntegration } from './src/build/gongyuIntegration.ts'
import { precompressIntegration } from './src/build/precompressIntegration.ts'
import { widgetsIntegration } from './src/embed/widgetsIntegration.ts'

// A static site: every page is HTML at build time, with no client JavaScript unless a page asks for it.
export default defineConfig({
  output: 'static',
  site: process.env.GONGYU_SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  // Builds in tests and the dev runner write elsewhere; each build dir gets its own cache so builds never share state.
  outDir: process.env.GONGYU_SITE_OUT_DIR ?? './dist',
  cacheDir: process.env.GONGYU_SITE_CACHE_DIR ?? './node_modules/.astro',
  build: {
    format: 'directory',
    // One external stylesheet, cached once and kept by the service worker, instead of CSS repeated in every page.
    inlineStylesheets: 'never',
  },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  // Precompression runs last, after the other integrations have written their files.
  integrations: [gongyuIntegration(), widgetsIntegration(), precompressIntegration()],
})
