import { describe, expect, it } from 'vitest'
import QRCode from 'qrcode'
import { qrPng, qrSvg } from './qrCode.ts'

describe('qrSvg', () => {
  it('draws one square per dark module of the code, inside a quiet zone', () => {
    const url = 'https://gongyu.example.cn/lessons/p2-01-homework-dawdling/'
    const svg = qrSvg(url, '扫码打开这一课')
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' })
    const size = modules.size + 8
    expect(svg).toContain(`viewBox="0 0 ${size} ${size}"`)
    const area = [...svg.matchAll(/h(\d+)v1h-\1z/g)].reduce((sum, match) => sum + Number(match[1]), 0)
    const dark = Array.from(modules.data).filter(Boolean).length
    expect(area).toBe(dark)
    expect(svg).not.toContain(url)
  })

  it('escapes the label and keeps the text out of the markup', () => {
    const svg = qrSvg('https://x.example/"><script>alert(1)</script>', '"><script>alert(2)</script>')
    expect(svg).not.toContain('<script')
    expect(svg).toContain('aria-label="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"')
  })
})

describe('qrPng', () => {
  it('is a PNG image', async () => {
    const png = await qrPng('https://gongyu.example.cn/')
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  })
})
