import { escapeHtml } from '@gongyu/contract'
import QRCode, { type QRCode as QRCodeData } from 'qrcode'

// Medium error correction survives a smudged photocopy; four modules of white border is the quiet zone scanners expect.
const ERROR_CORRECTION = 'M'
const QUIET_ZONE = 4

// A lesson's address is drawn on its plan page, its handout page and in both Word files: each code is made once per build.
const codes = new Map<string, QRCodeData>()
const pngs = new Map<string, Promise<Buffer>>()

function qrOf(text: string): QRCodeData {
  let code = codes.get(text)
  if (!code) {
    code = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION })
    codes.set(text, code)
  }
  return code
}

/**
 * A QR code of `text` as inline SVG, made at build time with `qrcode`.
 * The SVG is written here from the code's modules (numbers only), so no
 * part of the text reaches the markup except the escaped label.
 */
export function qrSvg(text: string, label: string): string {
  const { modules } = qrOf(text)
  const size = modules.size + QUIET_ZONE * 2
  let path = ''
  for (let row = 0; row < modules.size; row += 1) {
    // Runs of dark modules in a row become one rectangle each, which keeps the path short.
    let column = 0
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column += 1
        continue
      }
      const start = column
      while (column < modules.size && modules.get(row, column)) column += 1
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${column - start}v1h-${column - start}z`
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" class="qr-code" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeHtml(label)}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
}

/** The same QR code as a PNG, for the Word download (Word shows SVG only beside a PNG fallback). */
export function qrPng(text: string, width = 240): Promise<Buffer> {
  const key = `${width}\u0000${text}`
  let png = pngs.get(key)
  if (!png) {
    png = QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: ERROR_CORRECTION, margin: QUIET_ZONE, width })
    // A failure is not kept: the next call tries again.
    png.catch(() => pngs.delete(key))
    pngs.set(key, png)
  }
  // A copy each time: callers own the bytes they are given.
  return png.then((bytes) => Buffer.from(bytes))
}
