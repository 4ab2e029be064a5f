import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decryptPrivateKey, encryptPrivateKey, PrivateKeyUnreadableError } from './privateKeyCipher'

const privateKey = new Uint8Array(randomBytes(48))
const secret = 'a-secret-of-at-least-thirty-two-characters'

describe('privateKeyCipher', () => {
  it('round-trips a private key, and never stores it in the clear', () => {
    const stored = encryptPrivateKey(privateKey, 'key-1', secret)
    expect(decryptPrivateKey(stored, 'key-1', secret)).toEqual(privateKey)
    expect(stored).not.toContain(Buffer.from(privateKey).toString('base64url'))
    // A fresh IV each time: the same key never encrypts to the same text.
    expect(encryptPrivateKey(privateKey, 'key-1', secret)).not.toBe(stored)
  })

  it('refuses another secret, another key id and any altered byte with a message that says what to do', () => {
    const stored = encryptPrivateKey(privateKey, 'key-1', secret)
    expect(() => decryptPrivateKey(stored, 'key-1', `${secret}x`)).toThrow(PrivateKeyUnreadableError)
    expect(() => decryptPrivateKey(stored, 'key-2', secret)).toThrow(/GONGYU_SIGNING_KEY_SECRET/)
    const parts = stored.split('.')
    const sealed = parts[3] as string
    const altered = [...parts.slice(0, 3), `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`].join('.')
    expect(() => decryptPrivateKey(altered, 'key-1', secret)).toThrow(PrivateKeyUnreadableError)
    expect(() => decryptPrivateKey('not-a-stored-key', 'key-1', secret)).toThrow(PrivateKeyUnreadableError)
  })
})
