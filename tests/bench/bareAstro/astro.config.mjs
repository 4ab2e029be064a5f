// Bare Astro, for the site benchmark: the same Astro version as site/, no integrations, one dynamic
// route. Built by siteBenchmarks.ts with BARE_ASTRO_* variables naming the export, page count and folders.
import { defineConfig } from 'astro/config'

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  outDir: process.env.BARE_ASTRO_OUT_DIR,
  cacheDir: process.env.BARE_ASTRO_CACHE_DIR,
  build: { format: 'directory' },
  devToolbar: { enabled: false },
})
