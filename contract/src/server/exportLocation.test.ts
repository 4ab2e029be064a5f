import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultDataDirectory, findRepositoryRoot, publishedExportFile } from './exportLocation.ts'

const thisRepository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const made: string[] = []

afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true })
})

/** A repository with a site workspace and the folder Astro's build runs its bundled chunks from. */
function repositoryWithBuiltSite(): { root: string; chunks: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'gongyu-root-'))
  made.push(root)
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'gongyu', workspaces: ['site'] }))
  mkdirSync(path.join(root, 'site'))
  writeFileSync(path.join(root, 'site', 'package.json'), JSON.stringify({ name: '@gongyu/site' }))
  const chunks = path.join(root, 'site', 'dist', '.prerender', 'chunks')
  mkdirSync(chunks, { recursive: true })
  return { root, chunks }
}

describe('where the export is found', () => {
  it('finds the repository root from a bundled chunk deep inside the site, not the site folder', () => {
    const { root, chunks } = repositoryWithBuiltSite()
    expect(findRepositoryRoot(chunks)).toBe(root)
    expect(findRepositoryRoot(path.join(root, 'site'))).toBe(root)
  })

  it('skips a broken package.json on the way up', () => {
    const { root, chunks } = repositoryWithBuiltSite()
    writeFileSync(path.join(root, 'site', 'dist', 'package.json'), '{ not json')
    expect(findRepositoryRoot(chunks)).toBe(root)
  })

  it('answers null outside any repository', () => {
    const lone = mkdtempSync(path.join(tmpdir(), 'gongyu-lone-'))
    made.push(lone)
    expect(findRepositoryRoot(lone)).toBeNull()
  })

  it('defaults to data/published/published.json at this repository root, and follows the variables', () => {
    expect(defaultDataDirectory({})).toBe(path.join(thisRepository, 'data'))
    expect(publishedExportFile({})).toBe(path.join(thisRepository, 'data', 'published', 'published.json'))
    expect(publishedExportFile({ GONGYU_DATA_DIR: '/srv/gongyu' })).toBe('/srv/gongyu/published/published.json')
    expect(publishedExportFile({ GONGYU_DATA_DIR: '/srv/gongyu', GONGYU_EXPORT_DIR: '/srv/export' })).toBe('/srv/export/published.json')
  })
})
