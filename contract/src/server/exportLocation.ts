import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (three folders up from `search/src/record/`). */
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/** Environment variables as any caller holds them (process.env, or a plain object in tests). */
export type Environment = Readonly<Record<string, string | undefined>>

/** The export's file name inside its folder. */
export const PUBLISHED_EXPORT_FILE = 'published.json'

/** The data folder when `GONGYU_DATA_DIR` is not set: `data/` at the repository root. */
export function defaultDataDirectory(env: Environment = process.env): string {
  return env.GONGYU_DATA_DIR ? path.resolve(env.GONGYU_DATA_DIR) : path.join(repositoryRoot, 'data')
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
