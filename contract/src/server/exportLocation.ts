import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The repository root: the nearest folder above `start` whose package.json
 * declares npm workspaces. Walking up, not a fixed count of `..`, because
 * this module also runs bundled: Astro's build executes it from
 * `site/dist/.prerender/chunks/`, where three folders up is `site/`.
 */
export function findRepositoryRoot(start: string): string | null {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { workspaces?: unknown }
      if (manifest.workspaces) return folder
    } catch {
      // No package.json here, or not JSON: keep walking.
    }
    if (path.dirname(folder) === folder) return null
  }
}

let repositoryRoot: string | undefined

/** The repository this module runs from, else the working folder (a lone copy of the code). */
function ownRepositoryRoot(): string {
  repositoryRoot ??= findRepositoryRoot(path.dirname(fileURLToPath(import.meta.url))) ?? process.cwd()
  return repositoryRoot
}

/** Environment variables as any caller holds them (process.env, or a plain object in tests). */
export type Environment = Readonly<Record<string, string | undefined>>

/** The export's file name inside its folder. */
export const PUBLISHED_EXPORT_FILE = 'published.json'

/** The data folder when `GONGYU_DATA_DIR` is not set: `data/` at the repository root. */
export function defaultDataDirectory(env: Environment = process.env): string {
  return env.GONGYU_DATA_DIR ? path.resolve(env.GONGYU_DATA_DIR) : path.join(ownRepositoryRoot(), 'data')
}

/**
 * Where the published-content export lives, for the CMS that writes it and
 * the site and command line that read it: `GONGYU_EXPORT_DIR`, else
 * `published/` in the data folder.
 */
export function publishedExportDirectory(env: Environment = process.env): string {
  return env.GONGYU_EXPORT_DIR ? path.resolve(env.GONGYU_EXPORT_DIR) : path.join(defaultDataDirectory(env), 'published')
}

/** The export file itself. */
export function publishedExportFile(env: Environment = process.env): string {
  return path.join(publishedExportDirectory(env), PUBLISHED_EXPORT_FILE)
}
