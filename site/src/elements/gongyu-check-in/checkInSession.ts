import { decodeSessionSheet, type SessionSheetContent, type SignatureAlgorithm, type SignedTextError } from '@gongyu/contract'
import { checkSignature, type SignatureFailure } from '../gongyu-verify/checkSignature.ts'
import type { SignatureVerifier, TrustList } from '../gongyu-verify/verifyCertificate.ts'

/** Why a scanned session sheet is refused. */
export type CheckInFailure = SignedTextError | SignatureFailure | 'expired' | 'not-yet'

export type CheckInOutcome =
  | { ok: true; content: SessionSheetContent; organizationName: string; signedText: string }
  | { ok: false; reason: CheckInFailure; keyOrganizationName?: string }

/**
 * Checks a scanned session sheet on the phone: its signature against the
 * published keys, then its day against the phone's (`today`, YYYY-MM-DD).
 * A sheet is good from the session's day to the day after.
 */
export function checkInSession(
  signedText: string,
  today: string,
  trust: TrustList,
  verifiers: Partial<Record<SignatureAlgorithm, SignatureVerifier>>,
): CheckInOutcome {
  const decoded = decodeSessionSheet(signedText)
  if (!decoded.ok) return { ok: false, reason: decoded.error }
  const { content } = decoded
  const signature = checkSignature({ ...content, signedBytes: decoded.signedBytes, signature: decoded.signature }, trust, verifiers)
  if (!signature.ok) return { ok: false, reason: signature.reason, keyOrganizationName: signature.keyOrganizationName }
  if (today > content.validUntil) return { ok: false, reason: 'expired' }
  if (today < content.on) return { ok: false, reason: 'not-yet' }
  return { ok: true, content, organizationName: signature.organizationName, signedText: signedText.trim() }
}
