import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSiteConfig } from './config.ts'

describe('the site configuration', () => {
  it('has working defaults with an empty environment', () => {
    const config = readSiteConfig({})
    expect(config.siteUrl).toBe('http://localhost:4321')
    expect(config.outDir).toBe('./dist')
    expect(config.meilisearch).toBeNull()
    expect(config.exportFile.endsWith(path.join('data', 'published', 'published.json'))).toBe(true)
  })

  it('reads the export folder, the build date and the browser Meilisearch from the environment', () => {
    const config = readSiteConfig({
      GONGYU_EXPORT_DIR: '/srv/export',
      GONGYU_BUILD_DATE: '2026-09-01',
      MEILI_HOST: 'https://search.example.cn',
      MEILI_SEARCH_KEY: 'k',
    })
    expect(config.exportFile).toBe(path.resolve('/srv/export', 'published.json'))
    expect(config.buildDate.toISOString()).toBe('2026-09-01T00:00:00.000Z')
    expect(config.meilisearch).toEqual({ host: 'https://search.example.cn', searchKey: 'k', index: 'gongyu-public' })
  })

  it('gives the browser no Meilisearch without a search key, and refuses a build date that is not a date', () => {
    expect(readSiteConfig({ MEILI_HOST: 'https://search.example.cn' }).meilisearch).toBeNull()
    expect(() => readSiteConfig({ GONGYU_BUILD_DATE: 'next monday' })).toThrow(/GONGYU_BUILD_DATE/)
  })
})
