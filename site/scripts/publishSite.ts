// Uploads a built site to an S3-compatible bucket (`npm run publish:site`, publishSiteCli.ts).
import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { cacheControlFor, IMMUTABLE } from './cacheRules.ts'
import { contentTypeFor } from './contentTypes.ts'

/**
 * Prefixes the CMS writes in the same bucket (cms/src/storage/bucketLayout.ts):
 * uploads, the export, the video ladders and the published captions. Publishing never deletes there.
 */
export const CMS_OWNED_PREFIXES = ['uploads/', 'export/', 'media/hls/', 'media/captions/'] as const

/** One thing publishing did, in the order it did it. */
export interface PublishStep {
  action: 'upload' | 'keep' | 'delete'
  key: string
}

export interface PublishSiteOptions {
  /** The built site's folder. */
  dist: string
  bucket: string
  client: S3Client
  /** Called after each step (the tests check the order; the CLI prints a summary). */
  onStep?: (step: PublishStep) => void
}

export interface PublishSummary {
  uploaded: number
  /** Files with content-hashed names that the bucket already held. */
  kept: number
  deleted: number
}

async function filesUnder(folder: string, relative = ''): Promise<string[]> {
  const files: string[] = []
  for (const entry of await readdir(path.join(folder, relative), { withFileTypes: true })) {
    const name = path.posix.join(relative, entry.name)
    if (entry.isDirectory()) files.push(...(await filesUnder(folder, name)))
    else if (entry.isFile()) files.push(name)
  }
  return files
}

async function bucketKeys(client: S3Client, bucket: string): Promise<Set<string>> {
  const keys = new Set<string>()
  let token: string | undefined
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }))
    for (const object of page.Contents ?? []) if (object.Key) keys.add(object.Key)
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  return keys
}

const isPage = (key: string) => key.endsWith('.html')

/**
 * Puts a built site in the bucket in three passes, so a visitor never meets a
 * page whose files are missing: first every file other than a page (scripts,
 * styles, data, media), then the pages, and only then deletes what the build
 * no longer has (outside the CMS's own prefixes). Each object carries its
 * Content-Type and the Cache-Control of cacheRules.ts. A file under a
 * content-hashed name that the bucket already holds is not sent again.
 */
export async function publishSite({ dist, bucket, client, onStep = () => {} }: PublishSiteOptions): Promise<PublishSummary> {
  const files = await filesUnder(dist)
  const existing = await bucketKeys(client, bucket)
  const summary: PublishSummary = { uploaded: 0, kept: 0, deleted: 0 }
  const ordered = [...files.filter((key) => !isPage(key)), ...files.filter(isPage)]
  for (const key of ordered) {
    const cacheControl = cacheControlFor(`/${key}`)
    if (cacheControl === IMMUTABLE && existing.has(key)) {
      summary.kept += 1
      onStep({ action: 'keep', key })
      continue
    }
    const file = path.join(dist, key)
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: createReadStream(file),
        ContentLength: (await stat(file)).size,
        ContentType: contentTypeFor(key),
        CacheControl: cacheControl,
      }),
    )
    summary.uploaded += 1
    onStep({ action: 'upload', key })
  }
  const built = new Set(files)
  const stale = [...existing].filter((key) => !built.has(key) && !CMS_OWNED_PREFIXES.some((prefix) => key.startsWith(prefix)))
  // DeleteObjects takes at most 1000 keys per request.
  for (let start = 0; start < stale.length; start += 1000) {
    const batch = stale.slice(start, start + 1000)
    const result = await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }))
    if (result.Errors?.length) throw new Error(`S3 refused to delete ${result.Errors.map((error) => `${error.Key}: ${error.Code}`).join(', ')}`)
    for (const key of batch) onStep({ action: 'delete', key })
    summary.deleted += batch.length
  }
  return summary
}
