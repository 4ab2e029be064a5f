import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { mediaUsedBy, type PublishedContent } from '@gongyu/contract'
import { PUBLISHED_EXPORT_FILE, publishedExportDirectory } from '@gongyu/contract/server'
import { BUCKET_PREFIX } from '../storage/bucketLayout'
import { putBucketObject } from '../storage/bucketObjects'
import { syncPublicCaptions } from '../storage/publicCaptions'
import { s3Settings } from '../storage/s3Settings'
import { readPublishedContent } from './readPublishedRecords'

export { PUBLISHED_EXPORT_FILE, publishedExportDirectory } from '@gongyu/contract/server'

/**
 * Writes everything the public may see to one JSON file, so the site builds
 * without a running CMS. The file is replaced atomically: a build that reads
 * it mid-write sees the old or the new export, never half of one. With a
 * bucket configured, the same file also goes to `export/published.json` there,
 * for a site build on another machine (an object is replaced whole, too), and
 * the published videos' captions are copied to where the site serves them.
 */
export async function writePublishedExport(payload: Payload, directory = publishedExportDirectory()): Promise<{ file: string; content: PublishedContent }> {
  const content = await readPublishedContent(payload)
  mkdirSync(directory, { recursive: true })
  const file = path.join(directory, PUBLISHED_EXPORT_FILE)
  const partial = `${file}.${process.pid}.tmp`
  const json = JSON.stringify(content)
  writeFileSync(partial, json)
  renameSync(partial, file)
  const settings = s3Settings()
  if (settings) {
    // Captions first: a site built from this export links them.
    await syncPublicCaptions(settings, mediaUsedBy(content.records).captionFiles)
    await putBucketObject(settings, BUCKET_PREFIX.export + PUBLISHED_EXPORT_FILE, json)
  }
  return { file, content }
}
