import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'
import { BUCKET_PREFIX } from './bucketLayout'
import { s3Settings } from './s3Settings'

/**
 * S3 storage for every upload collection, switched on by S3_BUCKET. The
 * plugin is always installed, disabled without a bucket: it registers its
 * admin component either way, so the generated import map is the same
 * whichever environment it was generated in.
 */
export function objectStoragePlugins(env: NodeJS.ProcessEnv = process.env): Plugin[] {
  const settings = s3Settings(env)
  return [
    s3Storage({
      enabled: settings !== null,
      bucket: settings?.bucket ?? '',
      config: settings?.client ?? {},
      // Each kind under its own prefix, so equal file names never meet and the site's own keys stay apart.
      collections: {
        media: { prefix: BUCKET_PREFIX.media.slice(0, -1) },
        videos: { prefix: BUCKET_PREFIX.videos.slice(0, -1) },
        captions: { prefix: BUCKET_PREFIX.captions.slice(0, -1) },
      },
    }),
  ]
}
