import { escapeHtml } from '@gongyu/contract'
import QRCode from 'qrcode'

// Medium error correction survives a smudged photocopy; four modules of white border is the quiet zone scanners expect.
const ERROR_CORRECTION = 'M'
const QUIET_ZONE = 4

/**
 * A QR code of `text` as inline SVG, made at build time with `qrcode`.
 * The SVG is written here from the code's modules (numbers only), so no
 * part of the text reaches the markup except the escaped label.
 */
export function qrSvg(text: string, label: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION })
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
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: ERROR_CORRECTION, margin: QUIET_ZONE, width })
}
