// zod/mini: this module runs in the check-in page (see signedFields.ts).
import * as z from 'zod/mini'
import { openEnvelope, sealEnvelope, type SignedTextError } from './signedEnvelope.ts'
import { base64urlText, boundedText, isoDate } from './signedFields.ts'

/** The site page a session sheet's QR code opens; the signed text follows `#`, so it never reaches a server. */
export const CHECK_IN_PATH = '/check-in/'
/** Hours one session may earn: half an hour to a full day, in half hours. */
export const sessionHoursRange = { min: 0.5, max: 8 } as const

/**
 * What a session sheet's QR code says, as signed (issue 16, part 2): which
 * session, on which day, for how many hours, and until when it may be
 * scanned. Nothing about who scans it.
 */
export interface SessionSheetContent {
  keyId: string
  /** The organization's slug. */
  organization: string
  /** The session's stable id: the course list's slug and the item's id (`list-slug/item-id`). */
  session: string
  title: string
  /** The session's day (YYYY-MM-DD, Asia/Shanghai). */
  on: string
  hours: number
  /** The last day the sheet may be scanned: the day after the session, for a parent who scans that evening or a phone clock a little off. */
  validUntil: string
}

const SESSION_FORMAT = 1
const SESSION_KIND = 's'

// [format, kind, keyId, organization, session, title, on, hours, validUntil]; the kind tag keeps a certificate from passing as a sheet.
const sessionTupleSchema = z.tuple([
  z.literal(SESSION_FORMAT),
  z.literal(SESSION_KIND),
  base64urlText(4, 32),
  boundedText(100),
  boundedText(200),
  boundedText(200),
  isoDate,
  z.number().check(z.gte(sessionHoursRange.min), z.lte(sessionHoursRange.max)),
  isoDate,
])

export type DecodedSessionSheet =
  | { ok: true; content: SessionSheetContent; signedBytes: Uint8Array; signature: Uint8Array }
  | { ok: false; error: SignedTextError }

/** The bytes a session sheet's signature covers. */
export function sessionSheetSignedBytes(content: SessionSheetContent): Uint8Array {
  const tuple = [
    SESSION_FORMAT,
    SESSION_KIND,
    content.keyId,
    content.organization,
    content.session,
    content.title,
    content.on,
    content.hours,
    content.validUntil,
  ]
  return new TextEncoder().encode(JSON.stringify(tuple))
}

/** The check-in page's URL for a signed session sheet. */
export function checkInUrl(siteUrl: string, signedBytes: Uint8Array, signature: Uint8Array): string {
  return `${new URL(CHECK_IN_PATH, siteUrl).toString()}#${sealEnvelope(signedBytes, signature)}`
}

/** Reads a check-in link's signed text; the signature and the dates are checked by the check-in page. */
export function decodeSessionSheet(text: string): DecodedSessionSheet {
  const opened = openEnvelope(text)
  if (!opened.ok) return opened
  const parsed = sessionTupleSchema.safeParse(opened.json)
  if (!parsed.success) return { ok: false, error: 'unknown-format' }
  const [, , keyId, organization, session, title, on, hours, validUntil] = parsed.data
  return { ok: true, content: { keyId, organization, session, title, on, hours, validUntil }, signedBytes: opened.signedBytes, signature: opened.signature }
}
