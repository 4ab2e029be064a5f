// zod/mini, not zod: this module runs in the verify page, where the full zod would cost about 100 KB gzip.
import * as z from 'zod/mini'
import { openEnvelope, sealEnvelope, type SignedTextError } from './signedEnvelope.ts'
import { base64urlText, boundedText, isoDate } from './signedFields.ts'

/**
 * Signature algorithms a signing key may use. Ed25519 is the default; a
 * government deployment can add SM2 (GM/T 0003) here and give the CMS and
 * the verify page an implementation of it, without changing the payload.
 */
export const signatureAlgorithms = ['ed25519'] as const
export type SignatureAlgorithm = (typeof signatureAlgorithms)[number]

/** Limits of what a certificate holds, shared by the CMS's fields and the payload check. */
export const certificateLimits = { nameLength: 40, programmeLength: 60, maxHours: 1000 } as const
/** The site page that checks a certificate; the signed text follows `#`, so it never reaches a server. */
export const VERIFY_PATH = '/verify/'

/**
 * What a certificate says, as signed. It holds nothing but what is printed:
 * no phone, ID-card or child data (docs/certificates.md).
 */
export interface CertificateContent {
  /** The signing key's id (`SigningKey.keyId`), which names the organization and the algorithm. */
  keyId: string
  /** The issuing organization's slug. */
  organization: string
  /** The certificate's random id, which the revocation list names. */
  id: string
  /** The name exactly as printed. */
  name: string
  /** The programme or course list completed. */
  programme: string
  hours: number
  /** ISO dates (YYYY-MM-DD) of the period studied and of issue. */
  periodStart: string
  periodEnd: string
  issuedOn: string
}

const CERTIFICATE_FORMAT = 1
const CERTIFICATE_KIND = 'c'

/**
 * The signed bytes are a JSON array, not an object, to keep the QR code
 * small: [format, kind, keyId, organization, id, name, programme, hours,
 * periodStart, periodEnd, issuedOn]. The kind tag keeps another signed
 * payload of the same organization (a session sheet) from passing as a
 * certificate.
 */
const certificateTupleSchema = z.tuple([
  z.literal(CERTIFICATE_FORMAT),
  z.literal(CERTIFICATE_KIND),
  base64urlText(4, 32),
  boundedText(100),
  base64urlText(8, 32),
  boundedText(certificateLimits.nameLength),
  boundedText(certificateLimits.programmeLength),
  z.number().check(z.positive(), z.lte(certificateLimits.maxHours)),
  isoDate,
  isoDate,
  isoDate,
])

/** Why a verify link could not be read, before any key is looked at. */
export type CertificateDecodeError = SignedTextError

export type DecodedCertificate =
  | { ok: true; content: CertificateContent; signedBytes: Uint8Array; signature: Uint8Array }
  | { ok: false; error: CertificateDecodeError }

/** The bytes a certificate's signature covers. */
export function certificateSignedBytes(content: CertificateContent): Uint8Array {
  const tuple = [
    CERTIFICATE_FORMAT,
    CERTIFICATE_KIND,
    content.keyId,
    content.organization,
    content.id,
    content.name,
    content.programme,
    content.hours,
    content.periodStart,
    content.periodEnd,
    content.issuedOn,
  ]
  return new TextEncoder().encode(JSON.stringify(tuple))
}

/** The signed text a QR code carries: base64url of the signed bytes, a dot, base64url of the signature. */
export function encodeSignedCertificate(signedBytes: Uint8Array, signature: Uint8Array): string {
  return sealEnvelope(signedBytes, signature)
}

/** The verify page's URL for a signed certificate, on a site's origin. */
export function certificateVerifyUrl(siteUrl: string, signedText: string): string {
  return `${new URL(VERIFY_PATH, siteUrl).toString()}#${signedText}`
}

/**
 * Reads the signed text of a verify link (what follows `#`). Checks the
 * shape only; the signature is checked against the published keys by the
 * verify page.
 */
export function decodeSignedCertificate(text: string): DecodedCertificate {
  const opened = openEnvelope(text)
  if (!opened.ok) return opened
  const parsed = certificateTupleSchema.safeParse(opened.json)
  if (!parsed.success) return { ok: false, error: 'unknown-format' }
  const [, , keyId, organization, id, name, programme, hours, periodStart, periodEnd, issuedOn] = parsed.data
  return {
    ok: true,
    content: { keyId, organization, id, name, programme, hours, periodStart, periodEnd, issuedOn },
    signedBytes: opened.signedBytes,
    signature: opened.signature,
  }
}

/** A YYYY-MM-DD day as written on a Chinese certificate: 2026年3月1日. */
export function chineseDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number)
  return `${year}年${month}月${date}日`
}
