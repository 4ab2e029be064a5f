import type { Payload } from 'payload'
import type { PublicSigningKey, RevokedCertificate } from '@gongyu/contract'
import { shanghaiDate } from '../collections/Certificates/shanghaiDate'
import type { RelationValue } from './recordLookups'

/**
 * What the verify page checks certificates against: every organization's
 * public keys (retired and revoked ones too, with their status) and the ids
 * of revoked certificates. Read with access overridden, since neither
 * collection is public, but only these fields leave: never a private key,
 * never a name.
 */
export async function readTrustList(
  payload: Payload,
  organizationSlugOf: (value: RelationValue) => string | undefined,
): Promise<{ signingKeys: PublicSigningKey[]; revokedCertificates: RevokedCertificate[] }> {
  const keys = await payload.find({
    collection: 'signing-keys',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    sort: 'createdAt',
    select: { organization: true, keyId: true, algorithm: true, publicKey: true, status: true, createdAt: true },
  })
  const signingKeys: PublicSigningKey[] = []
  for (const key of keys.docs) {
    const organization = organizationSlugOf(key.organization as RelationValue)
    if (!organization || !key.keyId || !key.publicKey) continue
    signingKeys.push({
      keyId: key.keyId,
      organization,
      algorithm: key.algorithm ?? 'ed25519',
      publicKey: key.publicKey,
      status: key.status,
      createdAt: key.createdAt,
    })
  }
  const revoked = await payload.find({
    collection: 'certificates',
    where: { revoked: { equals: true } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    sort: 'revokedAt',
    select: { certificateId: true, revokedAt: true, updatedAt: true },
  })
  const revokedCertificates = revoked.docs
    .filter((doc) => doc.certificateId)
    .map((doc) => ({ id: doc.certificateId as string, revokedOn: shanghaiDate(doc.revokedAt ?? doc.updatedAt) }))
  return { signingKeys, revokedCertificates }
}
