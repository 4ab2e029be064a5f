import { cmsSettings } from '../env/settings'
import type { UploadCollectionSlug } from '../storage/uploadLimits'
import type { LoginThrottleSettings } from './loginThrottle'

/** What the API request guard enforces, read once from the environment. */
export interface ApiGuardSettings {
  /** Largest body that is not a multipart upload (`GONGYU_MAX_JSON_BYTES`, default 2 MB; rich text travels as JSON). */
  jsonLimitBytes: number
  uploadLimits: Record<UploadCollectionSlug, number>
  /** Room for the form fields (`_payload`) beside an uploaded file. */
  uploadFieldsAllowanceBytes: number
  allowedOrigins: string[]
  /** `GONGYU_TRUST_PROXY=1`: a proxy in front sets X-Forwarded-For, so clients cannot forge their address. */
  trustProxy: boolean
  login: LoginThrottleSettings
  forgotPassword: LoginThrottleSettings
  /** Auth collections by slug, with the singular name GraphQL gives their mutations. */
  authCollections: Record<string, string>
}

const MEGABYTE = 1024 * 1024
const FIFTEEN_MINUTES = 15 * 60

/** Reads the guard's settings; a malformed value stops the start. */
export function apiGuardSettings(env: NodeJS.ProcessEnv = process.env): ApiGuardSettings {
  const settings = cmsSettings(env)
  const { trustProxy } = settings
  return {
    jsonLimitBytes: settings.maxJsonBytes,
    uploadLimits: settings.uploadLimits,
    uploadFieldsAllowanceBytes: MEGABYTE,
    allowedOrigins: settings.allowedOrigins,
    trustProxy,
    // Without a trusted proxy a client can forge its address, so a ceiling over all clients bounds guessing.
    login: { attempts: 10, windowSeconds: FIFTEEN_MINUTES, allClientsAttempts: trustProxy ? 0 : 100 },
    forgotPassword: { attempts: 5, windowSeconds: FIFTEEN_MINUTES, allClientsAttempts: trustProxy ? 0 : 50 },
    authCollections: { users: 'User' },
  }
}
