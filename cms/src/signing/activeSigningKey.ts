import type { PayloadRequest, Where } from 'payload'
import type { SignatureAlgorithm } from '@gongyu/contract'
import { resolveSigningKeySecret } from '../env/signingKeySecret'
import { decryptPrivateKey } from './privateKeyCipher'
import { signatureSchemes } from './signatureSchemes'

type Id = string | number

/** What signing needs of a key: its id and a function that signs with it. The private key never leaves this closure. */
export interface ActiveSigner {
  keyId: string
  algorithm: SignatureAlgorithm
  sign: (message: Uint8Array) => Uint8Array
}

/**
 * The organization's active signing key, made on first use so an org-admin
 * can issue a certificate without setting anything up. Runs inside the
 * request's transaction: a certificate that fails to save leaves no key.
 */
export async function activeSigner(organization: Id, req: PayloadRequest): Promise<ActiveSigner> {
  const { payload } = req
  const where: Where = { and: [{ organization: { equals: organization } }, { status: { equals: 'active' } }] }
  let key = (await payload.find({ collection: 'signing-keys', where, limit: 1, depth: 0, overrideAccess: true, showHiddenFields: true, req })).docs[0]
  if (!key) {
    const created = await payload.create({
      collection: 'signing-keys',
      data: { organization: organization as number, status: 'active' },
      overrideAccess: true,
      req,
    })
    key = await payload.findByID({ collection: 'signing-keys', id: created.id, depth: 0, overrideAccess: true, showHiddenFields: true, req })
  }
  const { keyId, encryptedPrivateKey, algorithm } = key
  if (!keyId || !encryptedPrivateKey) throw new Error(`signing key ${key.id} has no key material`)
  const scheme = signatureSchemes[algorithm ?? 'ed25519']
  return {
    keyId,
    algorithm: scheme.algorithm,
    sign: (message) => scheme.sign(decryptPrivateKey(encryptedPrivateKey, keyId, resolveSigningKeySecret()), message),
  }
}
