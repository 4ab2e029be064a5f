import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import type { PublishedContent } from '@gongyu/search/record'
import { dataDirectory } from '../env/paths'
import { readPublishedContent } from './readPublishedRecords'

/** The file name of the export inside its folder; the site build reads it. */
export const PUBLISHED_EXPORT_FILE = 'published.json'

/** Where the export goes: `GONGYU_EXPORT_DIR`, or `published/` in the data directory. */
export function publishedExportDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.GONGYU_EXPORT_DIR ? path.resolve(env.GONGYU_EXPORT_DIR) : path.join(dataDirectory(env), 'published')
}

/**
 * Writes everything the public may see to one JSON file, so the site builds
 * without a running CMS. The file is replaced atomically: a build that reads
 * it mid-write sees the old or the new export, never half of one.
 */
export async function writePublishedExport(payload: Payload, directory = publishedExportDirectory()): Promise<{ file: string; content: PublishedContent }> {
  const content = await readPublishedContent(payload)
  mkdirSync(directory, { recursive: true })
  const file = path.join(directory, PUBLISHED_EXPORT_FILE)
  const partial = `${file}.${process.pid}.tmp`
  writeFileSync(partial, JSON.stringify(content))
  renameSync(partial, file)
  return { file, content }
}
