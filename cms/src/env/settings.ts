import path from 'node:path'
import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { defaultDataDirectory, publishedExportDirectory } from '@gongyu/contract/server'
// Imports carry their `.ts` extension: `npm start`'s orchestrator (scripts/start.ts) runs this file with plain Node.
import { positiveNumberSetting } from './positiveNumberSetting.ts'

const MEGABYTE = 1024 * 1024
const GIGABYTE = 1024 * MEGABYTE
const S3_REQUIRED = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

/** S3-compatible object storage, when configured. */
export interface S3Settings {
  bucket: string
  client: S3ClientConfig
}

/** Limits on what the CMS accepts and how long it may spend transcoding. */
export interface VideoLimits {
  /** Largest video upload, in bytes (`GONGYU_MAX_VIDEO_BYTES`, default 2 GB). */
  maxBytes: number
  /** Longest accepted video, in seconds (`GONGYU_MAX_VIDEO_SECONDS`, default 30 minutes). */
  maxSeconds: number
  /** Largest accepted width or height, in pixels (`GONGYU_MAX_VIDEO_DIMENSION`, default 4096). */
  maxDimension: number
  /** ffmpeg is killed after this long (`GONGYU_TRANSCODE_TIMEOUT_SECONDS`, default 20 minutes). */
  transcodeTimeoutMs: number
  /** ffprobe is killed after this long; probing reads headers only, so 30 s is generous. */
  probeTimeoutMs: number
}

/**
 * Everything the CMS (and `npm start`) reads from the environment, typed, with its defaults.
 * `MEILI_*` belong to the search package (search/src/config.ts), which alone decides the engine.
 */
export interface CmsSettings {
  /** `NODE_ENV`: `production` requires a secret; `test` quietens the log and stops the job runner. */
  nodeEnv: string | undefined
  /** `PAYLOAD_SECRET`; unset in development means one is generated (env/payloadSecret.ts). */
  payloadSecret: string | undefined
  /** `GONGYU_SIGNING_KEY_SECRET`: encrypts organizations' private signing keys; unset means `PAYLOAD_SECRET` (env/signingKeySecret.ts). */
  signingKeySecret: string | undefined
  /** `GONGYU_SITE_URL`, default http://localhost:4321: the parents' site, which certificate QR codes open. */
  siteUrl: string
  /** `DATABASE_URI`; unset means the SQLite file `gongyu.db` in the data folder. */
  databaseUri: string | undefined
  /** `PAYLOAD_PUBLIC_SERVER_URL`, default empty: the CMS's public URL. */
  publicServerUrl: string
  /** `HOST`, default `0.0.0.0`: where `npm start` serves the admin (`npm run dev` always uses 127.0.0.1). */
  host: string
  /** `PORT`, default `3000`: the admin and API port. */
  port: number
  /** `GONGYU_DATA_DIR`, default `data/` at the repository root: the SQLite file, uploads, HLS output. */
  dataDir: string
  /** `GONGYU_EXPORT_DIR`, default `published/` in the data folder: where `published.json` is written. */
  exportDir: string
  /** `GONGYU_SITE_PORT`, default 4321: where `npm start` serves the site; `off` starts the admin alone. */
  sitePort: number | 'off'
  /** `GONGYU_ADMIN_EMAIL` and `GONGYU_ADMIN_PASSWORD`: the first admin, created when there are no users. */
  firstAdmin: { email: string; password: string } | null
  /** `PAYLOAD_PUBLIC_SERVER_URL` and `GONGYU_ALLOWED_ORIGINS` (comma-separated) as origins, once each. */
  allowedOrigins: string[]
  /** `GONGYU_TRUST_PROXY=1`: a proxy in front sets X-Forwarded-For, so clients cannot forge their address. */
  trustProxy: boolean
  /** `GONGYU_MAX_JSON_BYTES`, default 2 MB: largest request body that is not a file upload. */
  maxJsonBytes: number
  /** `GONGYU_MAX_MEDIA_BYTES` (20 MB), `GONGYU_MAX_CAPTION_BYTES` (1 MB) and the video limit, per upload collection. */
  uploadLimits: { media: number; captions: number; videos: number }
  video: VideoLimits
  /** `S3_BUCKET` with `S3_ENDPOINT`, `S3_REGION`, `S3_ACCESS_KEY_ID`, `S3_SECRET_ACCESS_KEY`; null keeps uploads on disk. */
  s3: S3Settings | null
  /** `GONGYU_INSTANCES`, default 1: how many CMS web instances share this database (env/deploymentShape.ts). */
  instances: number
  /** `GONGYU_PROCESS_ROLE=worker` is set by `npm run worker` for its own process; anything else serves requests. */
  role: 'web' | 'worker'
  /**
   * Whether this process runs queued jobs itself: always in the worker; in a web instance only when it
   * is the only one (`GONGYU_INSTANCES` 1), not with `GONGYU_DISABLE_JOB_RUNNER=1` and not in tests.
   */
  runJobs: boolean
  /** `GONGYU_SEARCH_RETRY_DELAY_MS`, default 5000: the first wait before a failed search sync is retried. */
  searchRetryDelayMs: number
  /** `GONGYU_EXPORT_ON_CHANGE`: whether publishing queues an export job; `1`/`0`, default on except in tests. */
  exportOnChange: boolean
}

function parseOrigins(env: NodeJS.ProcessEnv): string[] {
  const listed = (env.GONGYU_ALLOWED_ORIGINS ?? '').split(',').map((entry) => entry.trim())
  const origins = [env.PAYLOAD_PUBLIC_SERVER_URL ?? '', ...listed].filter(Boolean).map((entry) => {
    // A typo here would silently widen or break the CSRF check, so refuse to start instead.
    if (!URL.canParse(entry)) throw new Error(`GONGYU_ALLOWED_ORIGINS and PAYLOAD_PUBLIC_SERVER_URL must be absolute URLs, got "${entry}"`)
    return new URL(entry).origin
  })
  return [...new Set(origins)]
}

function parseS3(env: NodeJS.ProcessEnv): S3Settings | null {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return null
  const missing = S3_REQUIRED.filter((name) => !env[name]?.trim())
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

function parseVideoLimits(env: NodeJS.ProcessEnv): VideoLimits {
  const transcodeSeconds = positiveNumberSetting(env, 'GONGYU_TRANSCODE_TIMEOUT_SECONDS', 20 * 60)
  return {
    maxBytes: Math.floor(positiveNumberSetting(env, 'GONGYU_MAX_VIDEO_BYTES', 2 * GIGABYTE)),
    maxSeconds: positiveNumberSetting(env, 'GONGYU_MAX_VIDEO_SECONDS', 30 * 60),
    maxDimension: Math.floor(positiveNumberSetting(env, 'GONGYU_MAX_VIDEO_DIMENSION', 4096)),
    transcodeTimeoutMs: Math.round(transcodeSeconds * 1000),
    probeTimeoutMs: 30_000,
  }
}

function parseSitePort(env: NodeJS.ProcessEnv): number | 'off' {
  if (env.GONGYU_SITE_PORT === 'off') return 'off'
  return Math.floor(positiveNumberSetting(env, 'GONGYU_SITE_PORT', 4321))
}

/**
 * The CMS's one typed view of its environment; nothing else in `cms/` reads
 * `process.env`. It is read on each call rather than once, because tests
 * start several CMS instances in one process, each with its own data folder.
 * A malformed value throws with the variable's name, so start-up stops
 * instead of silently lifting a limit.
 */
export function cmsSettings(env: NodeJS.ProcessEnv = process.env): CmsSettings {
  const video = parseVideoLimits(env)
  const nodeEnv = env.NODE_ENV
  const firstAdminEmail = env.GONGYU_ADMIN_EMAIL
  const firstAdminPassword = env.GONGYU_ADMIN_PASSWORD
  const instances = Math.floor(positiveNumberSetting(env, 'GONGYU_INSTANCES', 1))
  const role = env.GONGYU_PROCESS_ROLE === 'worker' ? 'worker' : 'web'
  return {
    nodeEnv,
    payloadSecret: env.PAYLOAD_SECRET || undefined,
    signingKeySecret: env.GONGYU_SIGNING_KEY_SECRET || undefined,
    siteUrl: env.GONGYU_SITE_URL || 'http://localhost:4321',
    databaseUri: env.DATABASE_URI,
    publicServerUrl: env.PAYLOAD_PUBLIC_SERVER_URL ?? '',
    host: env.HOST || '0.0.0.0',
    port: Math.floor(positiveNumberSetting(env, 'PORT', 3000)),
    dataDir: path.resolve(defaultDataDirectory(env)),
    exportDir: publishedExportDirectory(env),
    sitePort: parseSitePort(env),
    firstAdmin: firstAdminEmail && firstAdminPassword ? { email: firstAdminEmail, password: firstAdminPassword } : null,
    allowedOrigins: parseOrigins(env),
    trustProxy: env.GONGYU_TRUST_PROXY === '1',
    maxJsonBytes: Math.floor(positiveNumberSetting(env, 'GONGYU_MAX_JSON_BYTES', 2 * MEGABYTE)),
    uploadLimits: {
      media: Math.floor(positiveNumberSetting(env, 'GONGYU_MAX_MEDIA_BYTES', 20 * MEGABYTE)),
      captions: Math.floor(positiveNumberSetting(env, 'GONGYU_MAX_CAPTION_BYTES', MEGABYTE)),
      videos: video.maxBytes,
    },
    video,
    s3: parseS3(env),
    instances,
    role,
    runJobs: role === 'worker' || (nodeEnv !== 'test' && env.GONGYU_DISABLE_JOB_RUNNER !== '1' && instances === 1),
    searchRetryDelayMs: Number(env.GONGYU_SEARCH_RETRY_DELAY_MS ?? 5000),
    exportOnChange: env.GONGYU_EXPORT_ON_CHANGE ? env.GONGYU_EXPORT_ON_CHANGE === '1' : nodeEnv !== 'test',
  }
}
