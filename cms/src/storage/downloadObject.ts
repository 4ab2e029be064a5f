import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { S3Settings } from './s3Settings'

/** Streams one object from the bucket to a local file (ffmpeg needs the source on disk). */
export async function downloadObject(settings: S3Settings, key: string, file: string): Promise<void> {
  const client = new S3Client(settings.client)
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key }))
    if (!(response.Body instanceof Readable)) throw new Error(`S3 returned no readable body for ${key}`)
    await pipeline(response.Body, createWriteStream(file, { flags: 'wx' }))
  } finally {
    client.destroy()
  }
}
