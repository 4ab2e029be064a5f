import type { S3ClientConfig } from '@aws-sdk/client-s3'

/** S3-compatible object storage, when configured. */
export interface S3Settings {
  bucket: string
  client: S3ClientConfig
}

const REQUIRED = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

/**
 * Reads S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID and
 * S3_SECRET_ACCESS_KEY. Without S3_BUCKET uploads stay on local disk; with
 * it, every other variable must be set, or start-up stops with their names.
 */
export function s3Settings(env: NodeJS.ProcessEnv = process.env): S3Settings | null {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return null
  const missing = REQUIRED.filter((name) => !env[name]?.trim())
  if (missing.length > 0) throw new Error(`S3_BUCKET is set but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not; set them or unset S3_BUCKET.`)
  return {
    bucket,
    client: {
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      credentials: { accessKeyId: env.S3_ACCESS_KEY_ID as string, secretAccessKey: env.S3_SECRET_ACCESS_KEY as string },
      // MinIO, Ceph and most domestic S3-compatible services address buckets by path.
      forcePathStyle: true,
    },
  }
}
