import type { CollectionBeforeOperationHook } from 'payload'
import { UploadRefusedError } from '../errors/UploadRefusedError'

// Controls, format characters (bidi overrides such as U+202E, zero-width
// characters, soft hyphens), unassigned and private-use code points, line and
// paragraph separators, and path separators: none belongs in a file name,
// and bidi overrides make "gpj.exe" read as "exe.jpg".
const UNSAFE = /[\p{C}\p{Zl}\p{Zp}/\\]/u

/** The first unsafe character of a file name, as U+XXXX, or null when the name is safe. */
export function unsafeFilenameCharacter(name: string): string | null {
  const match = UNSAFE.exec(name)
  return match ? `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : null
}

/**
 * Refuses an upload whose file name holds invisible or direction-changing
 * characters, with a Chinese 400. Refused rather than cleaned, so the editor
 * sees why, and what is stored is exactly the name they chose.
 */
export const refuseUnsafeFilename: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const unsafe = req.file ? unsafeFilenameCharacter(req.file.name) : null
  if (unsafe) {
    throw new UploadRefusedError(`文件名里有不可见或会改变文字方向的字符（${unsafe}），也不能含有斜杠。请把文件改成普通的名字后重新上传。`)
  }
  return args
}
