import { describe, expect, it } from 'vitest'
import { ed25519Scheme } from './ed25519Scheme'
import { keyIdOf } from './keyIdOf'

const message = new TextEncoder().encode('[1,"c","key","chengguan","id","王秀英"]')

describe('ed25519Scheme', () => {
  it('signs so that the matching public key verifies, and 32-byte raw public keys with 64-byte signatures', () => {
    const pair = ed25519Scheme.generateKeyPair()
    const signature = ed25519Scheme.sign(pair.privateKey, message)
    expect(pair.publicKey).toHaveLength(32)
    expect(signature).toHaveLength(64)
    expect(ed25519Scheme.verify(pair.publicKey, message, signature)).toBe(true)
  })

  it('refuses a tampered message, a tampered signature and another key', () => {
    const pair = ed25519Scheme.generateKeyPair()
    const other = ed25519Scheme.generateKeyPair()
    const signature = ed25519Scheme.sign(pair.privateKey, message)
    const tampered = message.slice()
    tampered.set([(message[5] as number) ^ 1], 5)
    const badSignature = signature.slice()
    badSignature.set([(signature[10] as number) ^ 1], 10)
    expect(ed25519Scheme.verify(pair.publicKey, tampered, signature)).toBe(false)
    expect(ed25519Scheme.verify(pair.publicKey, message, badSignature)).toBe(false)
    expect(ed25519Scheme.verify(other.publicKey, message, signature)).toBe(false)
  })

  it('gives each key its own 11-character id', () => {
    const ids = new Set(Array.from({ length: 20 }, () => keyIdOf(ed25519Scheme.generateKeyPair().publicKey)))
    expect(ids.size).toBe(20)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{11}$/)
  })
})
