import { hashes, verify } from '@noble/ed25519'
import { sha512 } from '@noble/hashes/sha2.js'
import type { SignatureVerifier } from './verifyCertificate.ts'

// Synchronous SHA-512 from @noble/hashes: WebCrypto (crypto.subtle) is missing on plain-http pages and older WeChat browsers.
hashes.sha512 = sha512

/** Ed25519 verification with @noble/ed25519 (RFC 8032, zip215 off: strict, as Node signs). */
export const ed25519Verifier: SignatureVerifier = (publicKey, message, signature) => verify(signature, message, publicKey, { zip215: false })
