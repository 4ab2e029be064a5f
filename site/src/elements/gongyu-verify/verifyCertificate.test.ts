import { generateKeyPairSync, sign } from 'node:crypto'
import { type CertificateContent, certificateSignedBytes, encodeSignedCertificate, fromBase64url, type PublicSigningKey, toBase64url } from '@gongyu/contract'
import { describe, expect, it } from 'vitest'
import { ed25519Verifier } from './ed25519Verifier.ts'
import { type TrustList, verifyCertificate } from './verifyCertificate.ts'

/** An organization's key pair made with Node's crypto, as the CMS makes them: the browser library must accept its signatures. */
function organizationKey(keyId: string, organization: string, status: PublicSigningKey['status'] = 'active') {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const published: PublicSigningKey = {
    keyId,
    organization,
    algorithm: 'ed25519',
    publicKey: publicKey.export({ format: 'jwk' }).x as string,
    status,
    createdAt: '2026-01-01T00:00:00.000Z',
  }
  return {
    published,
    signText: (content: CertificateContent) =>
      encodeSignedCertificate(certificateSignedBytes(content), sign(null, certificateSignedBytes(content), privateKey)),
  }
}

const keyA = organizationKey('keyOfOrgA01', 'org-a')
const keyB = organizationKey('keyOfOrgB01', 'org-b')
const oldKeyA = organizationKey('oldKeyOrgA1', 'org-a', 'retired')
const leakedKeyA = organizationKey('leakedKeyA1', 'org-a', 'revoked')
const trust: TrustList = {
  keys: [keyA.published, keyB.published, oldKeyA.published, leakedKeyA.published],
  organizations: { 'org-a': '甲镇家长学校', 'org-b': '乙社区工作坊' },
  revoked: { revokedId0001: '2026-12-01' },
}
const content: CertificateContent = {
  keyId: 'keyOfOrgA01',
  organization: 'org-a',
  id: 'certId000001',
  name: '王秀英',
  programme: '一年四次八课',
  hours: 16,
  periodStart: '2026-03-01',
  periodEnd: '2026-11-30',
  issuedOn: '2026-12-03',
}
const verifiers = { ed25519: ed25519Verifier }
const check = (text: string) => verifyCertificate(text, trust, verifiers)

describe('verifyCertificate', () => {
  it('finds a certificate signed by its organization’s key valid, and one signed by a retired key too', () => {
    expect(check(keyA.signText(content))).toEqual({ status: 'valid', content, organizationName: '甲镇家长学校' })
    expect(check(oldKeyA.signText({ ...content, keyId: 'oldKeyOrgA1' }))).toMatchObject({ status: 'valid' })
  })

  it('finds a certificate on the revocation list revoked, with the day', () => {
    expect(check(keyA.signText({ ...content, id: 'revokedId0001' }))).toMatchObject({ status: 'revoked', revokedOn: '2026-12-01' })
  })

  it('refuses a tampered certificate: any changed byte breaks the signature', () => {
    const [payload, signature] = keyA.signText(content).split('.') as [string, string]
    const bytes = fromBase64url(payload) as Uint8Array
    const forged = new TextDecoder().decode(bytes).replace('16', '96')
    expect(check(`${toBase64url(new TextEncoder().encode(forged))}.${signature}`)).toMatchObject({ status: 'unverifiable', reason: 'bad-signature' })
    const flipped = (fromBase64url(signature) as Uint8Array).slice()
    flipped.set([(flipped[3] as number) ^ 4], 3)
    expect(check(`${payload}.${toBase64url(flipped)}`)).toMatchObject({ status: 'unverifiable', reason: 'bad-signature' })
  })

  it('refuses a certificate for organization A signed with organization B’s key, naming B', () => {
    expect(check(keyB.signText({ ...content, keyId: 'keyOfOrgB01' }))).toEqual({
      status: 'unverifiable',
      reason: 'foreign-org',
      keyOrganizationName: '乙社区工作坊',
    })
  })

  it('refuses a certificate whose key id names one key but which another key signed', () => {
    expect(check(keyB.signText(content))).toMatchObject({ status: 'unverifiable', reason: 'bad-signature' })
  })

  it('refuses what a revoked key signed, and keys it does not know', () => {
    expect(check(leakedKeyA.signText({ ...content, keyId: 'leakedKeyA1' }))).toMatchObject({ status: 'unverifiable', reason: 'key-revoked' })
    expect(check(keyA.signText({ ...content, keyId: 'unknownKey1' }))).toMatchObject({ status: 'unverifiable', reason: 'unknown-key' })
  })

  it('says why a broken link cannot be read: truncated, over-long, not base64', () => {
    const text = keyA.signText(content)
    expect(check(text.slice(0, -5))).toEqual({ status: 'unverifiable', reason: 'truncated' })
    expect(check(text.slice(0, 30))).toEqual({ status: 'unverifiable', reason: 'truncated' })
    expect(check(text.repeat(5))).toEqual({ status: 'unverifiable', reason: 'too-long' })
    expect(check(`${text}%20`)).toEqual({ status: 'unverifiable', reason: 'not-base64' })
  })

  it('cannot verify an algorithm it has no verifier for', () => {
    expect(verifyCertificate(keyA.signText(content), trust, {})).toMatchObject({ status: 'unverifiable', reason: 'unsupported-algorithm' })
  })
})
