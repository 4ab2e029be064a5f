import { defineConfig } from 'astro/config'

// A static site: every page is HTML at build time, with no client JavaScript unless a page asks for it.
export default defineConfig({
  output: 'static',
  site: process.env.GONGYU_SITE_URL ?? 'http://localhost:4321',
})
