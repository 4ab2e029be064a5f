import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { APIError } from 'payload'
import { fromBase64url, toBase64url } from '@gongyu/contract'

const FORMAT = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

/** A key for AES-256-GCM derived from the configured secret, so the secret itself never touches the data. */
function encryptionKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'gongyu-signing-keys', 'private key encryption v1', 32))
}

/**
 * Encrypts a private key for storage (AES-256-GCM). The key id is bound as
 * associated data, so a ciphertext copied onto another key's record does
 * not decrypt there.
 */
export function encryptPrivateKey(privateKey: Uint8Array, keyId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(secret), iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(Buffer.from(keyId))
  const sealed = Buffer.concat([cipher.update(privateKey), cipher.final()])
  return [FORMAT, toBase64url(iv), toBase64url(cipher.getAuthTag()), toBase64url(sealed)].join('.')
}

/** Raised when a stored private key cannot be decrypted (the secret changed, or the record was tampered with); the admin shows its message. */
export class PrivateKeyUnreadableError extends APIError {
  constructor(keyId: string) {
    super(
      `签名密钥 ${keyId} 无法解密：GONGYU_SIGNING_KEY_SECRET（或 PAYLOAD_SECRET）与创建密钥时不同。请恢复原来的设置，或为本机构新建一个签名密钥（原来签发的证书仍然有效）。`,
      500,
      undefined,
      true,
    )
    this.name = 'PrivateKeyUnreadableError'
  }
}

/** Decrypts a private key stored by encryptPrivateKey. */
export function decryptPrivateKey(stored: string, keyId: string, secret: string): Uint8Array {
  const [format, iv, tag, sealed] = stored.split('.').map((part, index) => (index === 0 ? part : fromBase64url(part)))
  if (format !== FORMAT || !(iv instanceof Uint8Array) || !(tag instanceof Uint8Array) || !(sealed instanceof Uint8Array)) {
    throw new PrivateKeyUnreadableError(keyId)
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', encryptionKey(secret), iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(keyId))
    decipher.setAuthTag(tag)
    return new Uint8Array(Buffer.concat([decipher.update(sealed), decipher.final()]))
  } catch {
    throw new PrivateKeyUnreadableError(keyId)
  }
}
