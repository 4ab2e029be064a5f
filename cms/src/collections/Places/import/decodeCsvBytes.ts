import iconv from 'iconv-lite'

/** The text of an uploaded CSV file and the encoding it was read as, or a Chinese reason it cannot be read. */
export type DecodedCsv = { text: string; encoding: 'UTF-8' | 'GB18030' } | { problem: string }

const SAVE_AS_HINT = '请在 Excel 或 WPS 里用「另存为」选择「CSV UTF-8（逗号分隔）」或「CSV（逗号分隔）」后再导入。'

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte)
}

/**
 * Reads a CSV file's bytes as text. UTF-8 (with or without a byte-order
 * mark) is read as it is; anything that is not valid UTF-8 is read as
 * GB18030, the superset of GBK that Excel and WPS on Chinese Windows write
 * for 「CSV（逗号分隔）」. Spreadsheet files, UTF-16 text and bytes that are
 * neither get a message that says what to do instead.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (bytes.byteLength === 0) return { problem: '文件是空的。' }
  // .xlsx and .ods are zip files (PK); .xls is an OLE compound file.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { problem: `这是 Excel 表格文件（.xlsx / .xls），不是 CSV 文件。${SAVE_AS_HINT}` }
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { problem: `文件是 UTF-16 编码（Excel 的「Unicode 文本」），无法识别。${SAVE_AS_HINT}` }
  }
  if (bytes.includes(0)) return { problem: `文件里有二进制内容，不是文本格式的 CSV 文件。${SAVE_AS_HINT}` }
  const withoutBom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(withoutBom), encoding: 'UTF-8' }
  } catch {
    // Not UTF-8: Chinese Windows spreadsheets save CSV in GBK.
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030')
  // iconv-lite writes U+FFFD for byte sequences that are not GB18030 either.
  if (text.includes('\uFFFD')) return { problem: `文件编码无法识别：既不是 UTF-8，也不是 GBK/GB18030。${SAVE_AS_HINT}` }
  return { text, encoding: 'GB18030' }
}
