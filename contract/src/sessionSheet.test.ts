import { describe, expect, it } from 'vitest'
import { certificateSignedBytes, encodeSignedCertificate } from './certificate.ts'
import { checkInUrl, decodeSessionSheet, type SessionSheetContent, sessionSheetSignedBytes } from './sessionSheet.ts'
import { SIGNATURE_BYTES } from './signedEnvelope.ts'

const content: SessionSheetContent = {
  keyId: 'AbCdEfGhIjK',
  organization: 'chengguan',
  session: 'yinian-sici-bake/65f1c2a9e4b0a1b2c3d4e5f6',
  title: '孩子入园焦虑怎么办',
  on: '2026-03-07',
  hours: 2,
  validUntil: '2026-03-08',
}
const signature = new Uint8Array(SIGNATURE_BYTES).fill(7)

describe('session sheet payload', () => {
  it('decodes what it signs, from the check-in URL’s fragment', () => {
    const url = new URL(checkInUrl('https://gongyu.example.cn', sessionSheetSignedBytes(content), signature))
    expect(url.pathname).toBe('/check-in/')
    const decoded = decodeSessionSheet(url.hash.slice(1))
    expect(decoded.ok && decoded.content).toEqual(content)
  })

  it('is not a certificate, and a certificate is not a sheet', () => {
    const certificate = encodeSignedCertificate(
      certificateSignedBytes({
        keyId: 'AbCdEfGhIjK',
        organization: 'chengguan',
        id: 'q1W2e3R4t5Y6',
        name: '王秀英',
        programme: '一年四次八课',
        hours: 2,
        periodStart: '2026-03-07',
        periodEnd: '2026-03-07',
        issuedOn: '2026-03-07',
      }),
      signature,
    )
    expect(decodeSessionSheet(certificate)).toEqual({ ok: false, error: 'unknown-format' })
  })

  it('refuses hours out of range and a cut-off text', () => {
    const text = new URL(checkInUrl('https://gongyu.example.cn', sessionSheetSignedBytes({ ...content, hours: 30 }), signature)).hash.slice(1)
    expect(decodeSessionSheet(text)).toEqual({ ok: false, error: 'unknown-format' })
    const good = new URL(checkInUrl('https://gongyu.example.cn', sessionSheetSignedBytes(content), signature)).hash.slice(1)
    expect(decodeSessionSheet(good.slice(0, -6))).toEqual({ ok: false, error: 'truncated' })
  })
})
