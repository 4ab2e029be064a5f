import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { cmsSettings } from './settings.ts'

/** The `cms/` package folder. */
export const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Where embedded data lives (the SQLite file and uploads): `GONGYU_DATA_DIR`,
 * or the git-ignored `data/` folder at the repository root. Created on first use.
 */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const directory = cmsSettings(env).dataDir
  mkdirSync(directory, { recursive: true })
  return directory
}

/** A folder for one kind of upload inside the data directory. */
export function uploadDirectory(kind: 'media' | 'videos' | 'captions', env: NodeJS.ProcessEnv = process.env): string {
  const directory = path.join(dataDirectory(env), 'uploads', kind)
  mkdirSync(directory, { recursive: true })
  return directory
}

/** Where HLS renditions are written: `<data>/hls/<video id>/…`; a site build copies this folder. */
export function hlsDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const directory = path.join(dataDirectory(env), 'hls')
  mkdirSync(directory, { recursive: true })
  return directory
}

/**
 * Scratch space for uploads in progress and transcodes, inside the data
 * directory so finished output can be renamed into `hls/` on the same disk.
 */
export function scratchDirectory(kind: 'uploads' | 'transcodes', env: NodeJS.ProcessEnv = process.env): string {
  const directory = path.join(dataDirectory(env), 'tmp', kind)
  mkdirSync(directory, { recursive: true })
  return directory
}

/** A folder inside the data directory as the export names it: relative to the data folder, with `/` separators. */
export function dataRelativePath(directory: string, env: NodeJS.ProcessEnv = process.env): string {
  const relative = path.relative(dataDirectory(env), directory)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`${directory} is not inside the data folder`)
  return relative.split(path.sep).join('/')
}
