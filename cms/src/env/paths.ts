import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The `cms/` package folder. */
export const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Where embedded data lives (the SQLite file and uploads): `GONGYU_DATA_DIR`,
 * or the git-ignored `data/` folder at the repository root. Created on first use.
 */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const directory = env.GONGYU_DATA_DIR ? path.resolve(env.GONGYU_DATA_DIR) : path.resolve(cmsRoot, '..', 'data')
  mkdirSync(directory, { recursive: true })
  return directory
}

/** A folder for one kind of upload inside the data directory. */
export function uploadDirectory(kind: 'media' | 'videos' | 'captions', env: NodeJS.ProcessEnv = process.env): string {
  const directory = path.join(dataDirectory(env), 'uploads', kind)
  mkdirSync(directory, { recursive: true })
  return directory
}
