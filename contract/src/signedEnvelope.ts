import { fromBase64url, toBase64url } from './base64url.ts'

/** Both Ed25519 and SM2 (as raw r‖s) signatures are 64 bytes; a shorter one means a cut-off QR code. */
export const SIGNATURE_BYTES = 64
/** The longest signed text a link may carry: a certificate's name and programme at their length limits fit well inside it. */
export const MAX_SIGNED_TEXT_LENGTH = 1000

/** Why signed text from a link could not be read, before any key is looked at. */
export type SignedTextError = 'empty' | 'too-long' | 'not-base64' | 'truncated' | 'unknown-format'

export type OpenedEnvelope = { ok: true; json: unknown; signedBytes: Uint8Array; signature: Uint8Array } | { ok: false; error: SignedTextError }

/**
 * Signed text as a QR code carries it: base64url of the signed bytes (UTF-8
 * JSON), a dot, base64url of the signature. Certificates and session sheets
 * share it; the JSON's kind tag tells them apart.
 */
export function sealEnvelope(signedBytes: Uint8Array, signature: Uint8Array): string {
  return `${toBase64url(signedBytes)}.${toBase64url(signature)}`
}

/** Splits and decodes signed text; the caller checks the JSON's shape and, with the published keys, the signature. */
export function openEnvelope(text: string): OpenedEnvelope {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, error: 'empty' }
  if (trimmed.length > MAX_SIGNED_TEXT_LENGTH) return { ok: false, error: 'too-long' }
  if (!/^[A-Za-z0-9_.-]+$/.test(trimmed)) return { ok: false, error: 'not-base64' }
  const parts = trimmed.split('.')
  if (parts.length !== 2) return { ok: false, error: parts.length < 2 ? 'truncated' : 'unknown-format' }
  const signedBytes = fromBase64url(parts[0] as string)
  const signature = fromBase64url(parts[1] as string)
  if (!signedBytes || !signature || signature.length < SIGNATURE_BYTES) return { ok: false, error: 'truncated' }
  if (signature.length !== SIGNATURE_BYTES) return { ok: false, error: 'unknown-format' }
  try {
    return { ok: true, json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(signedBytes)), signedBytes, signature }
  } catch {
    // A cut inside the first part leaves invalid UTF-8 or unfinished JSON.
    return { ok: false, error: 'truncated' }
  }
}
