import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto'
import { fromBase64url, toBase64url } from '@gongyu/contract'
import type { SignatureScheme } from './signatureScheme'

function publicKeyObject(raw: Uint8Array) {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toBase64url(raw) }, format: 'jwk' })
}

/** Ed25519 (RFC 8032) with Node's own crypto: no dependency, and the browser checks it with @noble/ed25519. */
export const ed25519Scheme: SignatureScheme = {
  algorithm: 'ed25519',
  generateKeyPair() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const raw = fromBase64url(publicKey.export({ format: 'jwk' }).x ?? '')
    if (!raw) throw new Error('Node returned an Ed25519 public key without its x coordinate')
    return { publicKey: raw, privateKey: new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' })) }
  },
  sign(privateKey, message) {
    return new Uint8Array(sign(null, message, createPrivateKey({ key: Buffer.from(privateKey), format: 'der', type: 'pkcs8' })))
  },
  verify(publicKey, message, signature) {
    return verify(null, message, publicKeyObject(publicKey), signature)
  },
}
