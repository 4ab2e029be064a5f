import { createHash } from 'node:crypto'
import { toBase64url } from '@gongyu/contract'

/** A key's id: the first 8 bytes of the SHA-256 of its public key, base64url (11 characters), so nobody can pick one that collides. */
export function keyIdOf(publicKey: Uint8Array): string {
  return toBase64url(createHash('sha256').update(publicKey).digest().subarray(0, 8))
}
