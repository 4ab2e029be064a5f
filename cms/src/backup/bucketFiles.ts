import { createWriteStream, existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { GetObjectCommand } from '@aws-sdk/client-s3'
import { BUCKET_PREFIX } from '../storage/bucketLayout'
import { listKeys, uploadFolder, withBucket } from '../storage/bucketObjects'
import type { S3Settings } from '../storage/s3Settings'
import type { BACKED_UP_FOLDERS } from './backupManifest'

/** Where each backed-up data folder's files live in the bucket (storage/bucketLayout.ts). */
const BUCKET_FOLDERS: Record<(typeof BACKED_UP_FOLDERS)[number], string> = { uploads: 'uploads/', hls: BUCKET_PREFIX.hls }

/** The local path of a bucket key under `root`, refusing a key that would leave it. */
function localPathOf(root: string, relative: string): string {
  const target = path.resolve(root, relative)
  if (!target.startsWith(root + path.sep)) throw new Error(`bucket key outside its folder: ${relative}`)
  return target
}

/**
 * Downloads the bucket's uploads and video ladders into `folder`, laid out as
 * a data folder (`uploads/…`, `hls/…`), so a backup carries them as it
 * carries local files and a restore can put them on disk or in a bucket.
 */
export async function downloadBucketFiles(settings: S3Settings, folder: string): Promise<number> {
  let count = 0
  await withBucket(settings, async (client) => {
    for (const [local, prefix] of Object.entries(BUCKET_FOLDERS)) {
      const root = path.resolve(folder, local)
      for (const key of await listKeys(client, settings.bucket, prefix)) {
        if (key.endsWith('/')) continue
        const target = localPathOf(root, key.slice(prefix.length))
        await mkdir(path.dirname(target), { recursive: true })
        const response = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key }))
        if (!(response.Body instanceof Readable)) throw new Error(`S3 returned no readable body for ${key}`)
        await pipeline(response.Body, createWriteStream(target, { flags: 'wx', mode: 0o600 }))
        count += 1
      }
    }
  })
  return count
}

/** How many objects the bucket holds under the backed-up prefixes (a restore refuses a bucket that is not empty). */
export async function countBucketFiles(settings: S3Settings): Promise<number> {
  return withBucket(settings, async (client) => {
    let count = 0
    for (const prefix of Object.values(BUCKET_FOLDERS)) count += (await listKeys(client, settings.bucket, prefix)).length
    return count
  })
}

/** Moves restored uploads and ladders from the data folder into the bucket, where the CMS reads them. */
export async function moveFilesToBucket(settings: S3Settings, dataDir: string): Promise<void> {
  for (const [local, prefix] of Object.entries(BUCKET_FOLDERS)) {
    const folder = path.join(dataDir, local)
    if (!existsSync(folder)) continue
    await uploadFolder(settings, folder, prefix)
    await rm(folder, { recursive: true, force: true })
    await mkdir(folder, { recursive: true })
  }
}
