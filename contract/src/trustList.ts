import { z } from 'zod'
import { signatureAlgorithms } from './certificate.ts'

const BASE64URL = /^[A-Za-z0-9_-]+$/

/** A signing key as the site publishes it: the public half only. Retired keys stay listed, so older certificates still check. */
export const publicSigningKeySchema = z.object({
  keyId: z.string().min(4).max(32).regex(BASE64URL),
  /** The organization's slug. */
  organization: z.string().min(1),
  algorithm: z.enum(signatureAlgorithms),
  /** The raw public key, base64url. */
  publicKey: z.string().min(16).max(200).regex(BASE64URL),
  /** `active` signs new certificates; `retired` was replaced (its certificates stay valid); `revoked` was withdrawn (nothing it signed checks). */
  status: z.enum(['active', 'retired', 'revoked']),
  createdAt: z.string(),
})

export type PublicSigningKey = z.infer<typeof publicSigningKeySchema>

/** A revoked certificate, by its random id only: the list never names anyone. */
export const revokedCertificateSchema = z.object({ id: z.string().min(8).max(32).regex(BASE64URL), revokedOn: z.iso.date() })

export type RevokedCertificate = z.infer<typeof revokedCertificateSchema>
