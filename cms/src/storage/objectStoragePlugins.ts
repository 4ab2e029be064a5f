import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'
import { s3Settings } from './s3Settings'

/** The storage plugins for this environment: S3 for every upload collection when configured, none for local disk. */
export function objectStoragePlugins(env: NodeJS.ProcessEnv = process.env): Plugin[] {
  const settings = s3Settings(env)
  if (!settings) return []
  return [
    s3Storage({
      bucket: settings.bucket,
      config: settings.client,
      collections: { media: true, videos: true, captions: true },
    }),
  ]
}
