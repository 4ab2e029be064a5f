import { type CertificateContent, type CertificateDecodeError, decodeSignedCertificate, type PublicSigningKey, type SignatureAlgorithm } from '@gongyu/contract'
import { checkSignature, type SignatureFailure } from './checkSignature.ts'

/** What the site publishes to check certificates against, as the verify page embeds it. */
export interface TrustList {
  keys: PublicSigningKey[]
  /** Organization names by slug, to say who signed. */
  organizations: Record<string, string>
  /** The day each revoked certificate was revoked, by certificate id. */
  revoked: Record<string, string>
}

/** Checks one signature with a raw public key; one per algorithm, so an SM2 deployment adds its own. */
export type SignatureVerifier = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean

/** Why a certificate cannot be verified. */
export type VerifyFailure = CertificateDecodeError | SignatureFailure

export type VerifyOutcome =
  | { status: 'valid'; content: CertificateContent; organizationName: string }
  | { status: 'revoked'; content: CertificateContent; organizationName: string; revokedOn: string }
  | { status: 'unverifiable'; reason: VerifyFailure; keyOrganizationName?: string }

/**
 * Checks a verify link's signed text against the published keys and
 * revocation list, with no network. Only a certificate whose signature
 * holds is described; anything else says only why it cannot be trusted.
 */
export function verifyCertificate(signedText: string, trust: TrustList, verifiers: Partial<Record<SignatureAlgorithm, SignatureVerifier>>): VerifyOutcome {
  const decoded = decodeSignedCertificate(signedText)
  if (!decoded.ok) return { status: 'unverifiable', reason: decoded.error }
  const { content } = decoded
  const signature = checkSignature({ ...content, signedBytes: decoded.signedBytes, signature: decoded.signature }, trust, verifiers)
  if (!signature.ok) return { status: 'unverifiable', reason: signature.reason, keyOrganizationName: signature.keyOrganizationName }
  const keyOrganizationName = signature.organizationName
  const revokedOn = trust.revoked[content.id]
  if (revokedOn) return { status: 'revoked', content, organizationName: keyOrganizationName, revokedOn }
  return { status: 'valid', content, organizationName: keyOrganizationName }
}
