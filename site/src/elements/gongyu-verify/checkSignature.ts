import { fromBase64url, type SignatureAlgorithm } from '@gongyu/contract'
import type { SignatureVerifier, TrustList } from './verifyCertificate.ts'

/** Why a signature is not trusted. */
export type SignatureFailure = 'unknown-key' | 'foreign-org' | 'key-revoked' | 'unsupported-algorithm' | 'bad-signature'

/** What a signed payload names and carries, whatever its kind (certificate or session sheet). */
export interface SignedPayload {
  keyId: string
  organization: string
  signedBytes: Uint8Array
  signature: Uint8Array
}

export type SignatureCheck = { ok: true; organizationName: string } | { ok: false; reason: SignatureFailure; keyOrganizationName?: string }

/**
 * Checks a payload's signature against the published keys: the key must be
 * known, belong to the organization the payload names, not be revoked, and
 * its signature must hold. Retired keys still check (rotation).
 */
export function checkSignature(payload: SignedPayload, trust: TrustList, verifiers: Partial<Record<SignatureAlgorithm, SignatureVerifier>>): SignatureCheck {
  const key = trust.keys.find((candidate) => candidate.keyId === payload.keyId)
  if (!key) return { ok: false, reason: 'unknown-key' }
  const keyOrganizationName = trust.organizations[key.organization] ?? key.organization
  if (key.organization !== payload.organization) return { ok: false, reason: 'foreign-org', keyOrganizationName }
  if (key.status === 'revoked') return { ok: false, reason: 'key-revoked', keyOrganizationName }
  const verify = verifiers[key.algorithm]
  const publicKey = fromBase64url(key.publicKey)
  if (!verify || !publicKey) return { ok: false, reason: 'unsupported-algorithm', keyOrganizationName }
  let holds: boolean
  try {
    holds = verify(publicKey, payload.signedBytes, payload.signature)
  } catch {
    // A malformed point or signature throws in the library; for the reader it is the same as a signature that does not hold.
    holds = false
  }
  return holds ? { ok: true, organizationName: keyOrganizationName } : { ok: false, reason: 'bad-signature', keyOrganizationName }
}
