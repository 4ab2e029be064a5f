import { generateKeyPairSync, sign } from 'node:crypto'
import { type SessionSheetContent, sealEnvelope, sessionSheetSignedBytes } from '@gongyu/contract'
import { describe, expect, it } from 'vitest'
import { ed25519Verifier } from '../gongyu-verify/ed25519Verifier.ts'
import type { TrustList } from '../gongyu-verify/verifyCertificate.ts'
import { checkInSession } from './checkInSession.ts'

function organizationKey(keyId: string, organization: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  return {
    published: {
      keyId,
      organization,
      algorithm: 'ed25519' as const,
      publicKey: publicKey.export({ format: 'jwk' }).x as string,
      status: 'active' as const,
      createdAt: '2026-01-01',
    },
    sheet: (content: SessionSheetContent) => sealEnvelope(sessionSheetSignedBytes(content), sign(null, sessionSheetSignedBytes(content), privateKey)),
  }
}

const keyA = organizationKey('keyOfOrgA01', 'org-a')
const keyB = organizationKey('keyOfOrgB01', 'org-b')
const trust: TrustList = { keys: [keyA.published, keyB.published], organizations: { 'org-a': '甲镇家长学校', 'org-b': '乙社区工作坊' }, revoked: {} }
const content: SessionSheetContent = {
  keyId: 'keyOfOrgA01',
  organization: 'org-a',
  session: 'list-a/row-1',
  title: '孩子入园焦虑怎么办',
  on: '2026-03-07',
  hours: 2,
  validUntil: '2026-03-08',
}
const check = (text: string, today = '2026-03-07') => checkInSession(text, today, trust, { ed25519: ed25519Verifier })

describe('checkInSession', () => {
  it('accepts the organization’s sheet on the session day and the day after', () => {
    expect(check(keyA.sheet(content))).toMatchObject({ ok: true, content, organizationName: '甲镇家长学校' })
    expect(check(keyA.sheet(content), '2026-03-08')).toMatchObject({ ok: true })
  })

  it('refuses an expired sheet and one scanned before its day', () => {
    expect(check(keyA.sheet(content), '2026-03-09')).toEqual({ ok: false, reason: 'expired' })
    expect(check(keyA.sheet(content), '2026-03-06')).toEqual({ ok: false, reason: 'not-yet' })
  })

  it('refuses a sheet whose hours were altered, and one signed by another organization’s key', () => {
    const [, signature] = keyA.sheet(content).split('.') as [string, string]
    const altered = `${keyA.sheet({ ...content, hours: 8 }).split('.')[0]}.${signature}`
    expect(check(altered)).toMatchObject({ ok: false, reason: 'bad-signature' })
    expect(check(keyB.sheet({ ...content, keyId: 'keyOfOrgB01' }))).toEqual({ ok: false, reason: 'foreign-org', keyOrganizationName: '乙社区工作坊' })
  })
})
