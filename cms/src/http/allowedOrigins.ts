import { cmsSettings } from '../env/settings'

/**
 * The origins, besides the CMS's own, from which a signed-in browser may
 * change data: the public server URL (`PAYLOAD_PUBLIC_SERVER_URL`) and any in
 * `GONGYU_ALLOWED_ORIGINS` (comma-separated, e.g. an admin behind another host
 * name). Payload's `csrf` list and the API request guard both read this; the
 * parsing lives in the CMS settings (env/settings.ts).
 */
export function allowedOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  return cmsSettings(env).allowedOrigins
}
