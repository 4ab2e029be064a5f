import { describe, expect, it } from 'vitest'
import { toBase64url } from './base64url.ts'
import { type CertificateContent, certificateSignedBytes, certificateVerifyUrl, decodeSignedCertificate, encodeSignedCertificate } from './certificate.ts'
import { MAX_SIGNED_TEXT_LENGTH, SIGNATURE_BYTES } from './signedEnvelope.ts'

const content: CertificateContent = {
  keyId: 'AbCdEfGhIjK',
  organization: 'chengguan',
  id: 'q1W2e3R4t5Y6',
  name: '王秀英',
  programme: '城关镇家长学校 一年四次八课',
  hours: 16.5,
  periodStart: '2026-03-01',
  periodEnd: '2026-11-30',
  issuedOn: '2026-12-03',
}
const signature = new Uint8Array(SIGNATURE_BYTES).map((_, index) => index * 3)
const signed = encodeSignedCertificate(certificateSignedBytes(content), signature)

describe('certificate payload encoding', () => {
  it('decodes what it encodes, with the exact signed bytes and signature', () => {
    const decoded = decodeSignedCertificate(signed)
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    expect(decoded.content).toEqual(content)
    expect(decoded.signedBytes).toEqual(certificateSignedBytes(content))
    expect(decoded.signature).toEqual(signature)
  })

  it('is compact: a typical certificate fits in well under 400 characters', () => {
    expect(signed.length).toBeLessThan(400)
    expect(signed).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  })

  it('puts the signed text after # of the site’s verify page', () => {
    expect(certificateVerifyUrl('https://gongyu.example.cn', signed)).toBe(`https://gongyu.example.cn/verify/#${signed}`)
  })

  it('calls a cut-off text truncated, wherever it was cut', () => {
    for (const length of [5, 40, signed.indexOf('.'), signed.indexOf('.') + 1, signed.length - 10, signed.length - 1]) {
      expect(decodeSignedCertificate(signed.slice(0, length)), `cut at ${length}`).toEqual({ ok: false, error: 'truncated' })
    }
  })

  it('refuses text that is empty, over-long or not base64url', () => {
    expect(decodeSignedCertificate('  ')).toEqual({ ok: false, error: 'empty' })
    expect(decodeSignedCertificate('A'.repeat(MAX_SIGNED_TEXT_LENGTH + 1))).toEqual({ ok: false, error: 'too-long' })
    expect(decodeSignedCertificate(`${signed.slice(0, 20)}+/=${signed.slice(23)}`)).toEqual({ ok: false, error: 'not-base64' })
    expect(decodeSignedCertificate('王秀英')).toEqual({ ok: false, error: 'not-base64' })
  })

  it('refuses well-formed base64url that is not a certificate', () => {
    const sig = toBase64url(signature)
    const encode = (value: unknown) => `${toBase64url(new TextEncoder().encode(JSON.stringify(value)))}.${sig}`
    expect(decodeSignedCertificate(encode({ name: '王秀英' }))).toEqual({ ok: false, error: 'unknown-format' })
    // A session sheet's kind tag, or a future format, is not taken for a certificate.
    const tuple = JSON.parse(new TextDecoder().decode(certificateSignedBytes(content)))
    expect(decodeSignedCertificate(encode([tuple[0], 's', ...tuple.slice(2)]))).toEqual({ ok: false, error: 'unknown-format' })
    expect(decodeSignedCertificate(encode([2, ...tuple.slice(1)]))).toEqual({ ok: false, error: 'unknown-format' })
    expect(decodeSignedCertificate(encode([...tuple.slice(0, 7), 5000, ...tuple.slice(8)]))).toEqual({ ok: false, error: 'unknown-format' })
    expect(decodeSignedCertificate(`${signed}.${sig}`)).toEqual({ ok: false, error: 'unknown-format' })
    expect(decodeSignedCertificate(`${signed.split('.')[0]}.${toBase64url(new Uint8Array(SIGNATURE_BYTES + 8))}`)).toEqual({
      ok: false,
      error: 'unknown-format',
    })
  })

  it('keeps every changed byte inside what the signature covers', () => {
    const altered = decodeSignedCertificate(encodeSignedCertificate(certificateSignedBytes({ ...content, hours: 61.5 }), signature))
    expect(altered.ok && altered.signedBytes).not.toEqual(certificateSignedBytes(content))
  })
})
