import type { SignatureAlgorithm } from '@gongyu/contract'

/** A key pair as the CMS stores it: the raw public key (published) and the private key as PKCS#8 DER (encrypted at rest). */
export interface GeneratedKeyPair {
  publicKey: Uint8Array
  privateKey: Uint8Array
}

/**
 * One signature algorithm. Ed25519 is the default (ed25519Scheme.ts); a
 * deployment that must use SM2 adds a scheme with the same shape to
 * signatureSchemes.ts and the same algorithm to the verify page.
 */
export interface SignatureScheme {
  algorithm: SignatureAlgorithm
  generateKeyPair(): GeneratedKeyPair
  sign(privateKey: Uint8Array, message: Uint8Array): Uint8Array
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean
}
