import { defaultDataDirectory, publishedExportFile } from '@gongyu/contract/server'

/** The Meilisearch the search page asks from the browser, with a search-only key. */
export interface BrowserMeilisearch {
  host: string
  searchKey: string
  index: string
}

/** Everything the site's build reads from the environment, typed and defaulted in one place (the runner's port is the runner's own). */
export interface SiteConfig {
  /** `GONGYU_SITE_URL`: the public origin pages name in canonical links, the sitemap and JSON-LD. */
  siteUrl: string
  /** `GONGYU_SITE_OUT_DIR`: where the built site goes (relative paths are from `site/`). */
  outDir: string
  /** `GONGYU_SITE_CACHE_DIR`: Astro's cache; each output folder gets its own, so builds never share state. */
  cacheDir: string
  /** `GONGYU_DATA_DIR`: the CMS's data folder (export, video, captions). */
  dataDirectory: string
  /** The published export (`GONGYU_EXPORT_DIR`, else `published/` in the data folder). */
  exportFile: string
  /** `GONGYU_BUILD_DATE` (ISO date): the day the build takes as today; now when unset. */
  buildDate: Date
  /** `MEILI_HOST`, `MEILI_SEARCH_KEY`, `MEILI_INDEX`: only when both host and key are set. */
  meilisearch: BrowserMeilisearch | null
  /** `GONGYU_CMS_URL`: the CMS's public origin, where the search page sends 没找到？告诉我们 (issue 17); null leaves the button out. */
  cmsUrl: string | null
}

/** The environment the configuration is read from (`process.env`, or a test's own object); SiteConfig names each variable. */
export type SiteEnvironment = Readonly<Record<string, string | undefined>>

/** The public Meilisearch index when `MEILI_INDEX` is unset (the CMS writes to the same name). */
export const DEFAULT_MEILI_INDEX = 'gongyu-public'

function buildDateOf(value: string | undefined): Date {
  if (!value) return new Date()
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) throw new Error(`GONGYU_BUILD_DATE 不是有效的日期：${value}（请写成 2026-09-01 这样的格式）`)
  return date
}

/** Reads the site's configuration from `env` (the process environment by default). */
export function readSiteConfig(env: SiteEnvironment = process.env): SiteConfig {
  const host = env.MEILI_HOST
  const searchKey = env.MEILI_SEARCH_KEY
  return {
    siteUrl: env.GONGYU_SITE_URL || 'http://localhost:4321',
    outDir: env.GONGYU_SITE_OUT_DIR || './dist',
    cacheDir: env.GONGYU_SITE_CACHE_DIR || './node_modules/.astro',
    dataDirectory: defaultDataDirectory(env),
    exportFile: publishedExportFile(env),
    buildDate: buildDateOf(env.GONGYU_BUILD_DATE),
    meilisearch: host && searchKey ? { host, searchKey, index: env.MEILI_INDEX || DEFAULT_MEILI_INDEX } : null,
    cmsUrl: env.GONGYU_CMS_URL || null,
  }
}
