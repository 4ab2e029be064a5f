import { CopyObjectCommand, DeleteObjectsCommand } from '@aws-sdk/client-s3'
import { BUCKET_PREFIX } from './bucketLayout'
import { listKeys, withBucket } from './bucketObjects'
import type { S3Settings } from './s3Settings'

// As the site server serves media that is not versioned (site/scripts/cacheRules.ts): a day.
const CAPTION_CACHE_CONTROL = 'public, max-age=86400'

/**
 * Makes the bucket's public caption folder (`media/captions/`, where the site
 * links them) hold exactly the caption files published videos use: each is
 * copied from the private uploads, and a file no published video uses any
 * more (a draft's, a deleted one's) is removed. Run with every export, so a
 * site served from the bucket plays captions as one built from disk does.
 */
export async function syncPublicCaptions(settings: S3Settings, captionFiles: readonly string[]): Promise<{ copied: number; removed: number }> {
  return withBucket(settings, async (client) => {
    const wanted = new Set(captionFiles.map((file) => BUCKET_PREFIX.publicCaptions + file))
    for (const file of captionFiles) {
      await client.send(
        new CopyObjectCommand({
          Bucket: settings.bucket,
          // CopySource is `bucket/key`, percent-encoded; caption names come from the CMS's own uploads.
          CopySource: encodeURI(`${settings.bucket}/${BUCKET_PREFIX.captions}${file}`),
          Key: BUCKET_PREFIX.publicCaptions + file,
          MetadataDirective: 'REPLACE',
          ContentType: 'text/vtt; charset=utf-8',
          CacheControl: CAPTION_CACHE_CONTROL,
        }),
      )
    }
    const stale = (await listKeys(client, settings.bucket, BUCKET_PREFIX.publicCaptions)).filter((key) => !wanted.has(key))
    // DeleteObjects takes at most 1000 keys per request.
    for (let start = 0; start < stale.length; start += 1000) {
      const batch = stale.slice(start, start + 1000)
      await client.send(new DeleteObjectsCommand({ Bucket: settings.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }))
    }
    return { copied: captionFiles.length, removed: stale.length }
  })
}
