import type { CollectionBeforeChangeHook } from 'payload'
import { toBase64url } from '@gongyu/contract'
import { resolveSigningKeySecret } from '../../../env/signingKeySecret'
import { keyIdOf } from '../../../signing/keyIdOf'
import { encryptPrivateKey } from '../../../signing/privateKeyCipher'
import { DEFAULT_SIGNATURE_ALGORITHM, signatureSchemes } from '../../../signing/signatureSchemes'
import type { SigningKey } from '../../../payload-types'

/** A new key is made here, on the server; whatever key material a request sent is ignored. */
export const generateKeyPair: CollectionBeforeChangeHook<SigningKey> = ({ data, operation }) => {
  if (operation !== 'create') return data
  const scheme = signatureSchemes[DEFAULT_SIGNATURE_ALGORITHM]
  const { publicKey, privateKey } = scheme.generateKeyPair()
  const keyId = keyIdOf(publicKey)
  return {
    ...data,
    status: 'active',
    algorithm: scheme.algorithm,
    keyId,
    publicKey: toBase64url(publicKey),
    encryptedPrivateKey: encryptPrivateKey(privateKey, keyId, resolveSigningKeySecret()),
  }
}
