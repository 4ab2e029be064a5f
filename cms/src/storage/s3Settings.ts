import { cmsSettings, type S3Settings } from '../env/settings'

export type { S3Settings } from '../env/settings'

/**
 * Reads S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID and
 * S3_SECRET_ACCESS_KEY (through the CMS settings). Without S3_BUCKET uploads
 * stay on local disk; with it, every other variable must be set, or start-up
 * stops with their names.
 */
export function s3Settings(env: NodeJS.ProcessEnv = process.env): S3Settings | null {
  return cmsSettings(env).s3
}
