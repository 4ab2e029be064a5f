import { readdir, stat } from 'node:fs/promises'
import { createReadStream } from 'node:fs'
import path from 'node:path'
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { S3Settings } from './s3Settings'

/**
 * The content types of what the CMS itself writes to the bucket: the HLS
 * ladder, its poster, the export, and uploads put back by a restore (Payload
 * serves an upload with the type its object carries).
 */
const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.vtt': 'text/vtt; charset=utf-8',
  '.webm': 'video/webm',
  '.mov': 'video/quicktime',
  '.json': 'application/json; charset=utf-8',
}

function contentTypeOf(key: string): string {
  return CONTENT_TYPES[path.posix.extname(key).toLowerCase()] ?? 'application/octet-stream'
}

/** Runs `work` with a client for the configured bucket, and lets go of its sockets afterwards. */
export async function withBucket<T>(settings: S3Settings, work: (client: S3Client) => Promise<T>): Promise<T> {
  const client = new S3Client(settings.client)
  try {
    return await work(client)
  } finally {
    client.destroy()
  }
}

/** Writes one object, typed by its key's extension. */
export async function putBucketObject(settings: S3Settings, key: string, body: string | Uint8Array): Promise<void> {
  await withBucket(settings, (client) => client.send(new PutObjectCommand({ Bucket: settings.bucket, Key: key, Body: body, ContentType: contentTypeOf(key) })))
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

/** Copies every file under a local folder to `<prefix><relative path>`; returns the keys written. */
export async function uploadFolder(settings: S3Settings, folder: string, prefix: string): Promise<string[]> {
  const files = await filesUnder(folder)
  await withBucket(settings, async (client) => {
    for (const file of files) {
      const local = path.join(folder, file)
      await client.send(
        new PutObjectCommand({
          Bucket: settings.bucket,
          Key: prefix + file,
          Body: createReadStream(local),
          ContentLength: (await stat(local)).size,
          ContentType: contentTypeOf(file),
        }),
      )
    }
  })
  return files.map((file) => prefix + file)
}

/** Every key under a prefix. */
export async function listKeys(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = []
  let token: string | undefined
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key)
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  return keys
}

/** Deletes every object under a prefix except those `keep` accepts; returns the keys deleted. */
export async function deletePrefix(settings: S3Settings, prefix: string, keep: (key: string) => boolean = () => false): Promise<string[]> {
  return withBucket(settings, async (client) => {
    const doomed = (await listKeys(client, settings.bucket, prefix)).filter((key) => !keep(key))
    // DeleteObjects takes at most 1000 keys per request.
    for (let start = 0; start < doomed.length; start += 1000) {
      const batch = doomed.slice(start, start + 1000)
      const result = await client.send(new DeleteObjectsCommand({ Bucket: settings.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }))
      if (result.Errors?.length) throw new Error(`S3 refused to delete ${result.Errors.map((error) => `${error.Key}: ${error.Code}`).join(', ')}`)
    }
    return doomed
  })
}
