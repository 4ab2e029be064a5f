import { randomBytes } from 'node:crypto'
import type { CollectionBeforeChangeHook } from 'payload'
import { certificateSignedBytes, encodeSignedCertificate, toBase64url, type CertificateContent } from '@gongyu/contract'
import type { Certificate } from '../../../payload-types'
import { activeSigner } from '../../../signing/activeSigningKey'
import { shanghaiDate } from '../shanghaiDate'
import { relationId } from './relationId'

/** 72 random bits: unguessable, and 12 characters in the QR code. */
const CERTIFICATE_ID_BYTES = 9

/**
 * Issues the certificate: signs what it says with the organization's active
 * key and records who issued it and when. Anything a request sent for these
 * fields is replaced.
 */
export const signCertificate: CollectionBeforeChangeHook<Certificate> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const organizationId = relationId(data.organization)
  if (organizationId === undefined) return data
  const organization = await req.payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, overrideAccess: true, req })
  const signer = await activeSigner(organizationId, req)
  const issuedAt = new Date()
  const content: CertificateContent = {
    keyId: signer.keyId,
    organization: organization.slug,
    id: toBase64url(randomBytes(CERTIFICATE_ID_BYTES)),
    name: (data.recipientName ?? '').trim(),
    programme: (data.programme ?? '').trim(),
    hours: data.hours as number,
    periodStart: shanghaiDate(data.periodStart as string),
    periodEnd: shanghaiDate(data.periodEnd as string),
    issuedOn: shanghaiDate(issuedAt),
  }
  const signedBytes = certificateSignedBytes(content)
  return {
    ...data,
    recipientName: content.name,
    programme: content.programme,
    certificateId: content.id,
    keyId: signer.keyId,
    signedText: encodeSignedCertificate(signedBytes, signer.sign(signedBytes)),
    issuedBy: (req.user?.id as number | undefined) ?? null,
    issuedAt: issuedAt.toISOString(),
    revoked: false,
    revocationReason: null,
    revokedBy: null,
    revokedAt: null,
  }
}
