import { resolvePayloadSecret } from './payloadSecret'
import { cmsSettings } from './settings'

/**
 * The secret organizations' private signing keys are encrypted with:
 * `GONGYU_SIGNING_KEY_SECRET`, or `PAYLOAD_SECRET` when that is unset. A
 * separate secret lets a deployment change `PAYLOAD_SECRET` (which signs
 * sessions) without making its signing keys unreadable.
 */
export function resolveSigningKeySecret(env: NodeJS.ProcessEnv = process.env): string {
  return cmsSettings(env).signingKeySecret ?? resolvePayloadSecret(env)
}
