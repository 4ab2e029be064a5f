import { deflateSync, inflateSync } from 'fflate'
import { localDay } from './localDay.ts'
import { type LearningRecord, type RecordProblem, readRecord } from './learningRecord.ts'

/** Starts every 迁移码 (transfer code): names the format and the code's own encoding (raw DEFLATE, then base64url). */
export const CODE_PREFIX = 'GYL1-'
/** An import longer than this is not a learning record (a year of daily practice exports to well under 1 MB). */
export const MAX_IMPORT_BYTES = 2_000_000

/** Why an import was refused; the page shows a Chinese message for each and changes nothing. */
export type ImportProblem = 'empty' | 'tooLarge' | 'damaged' | RecordProblem

export type ImportReading = { ok: true; record: LearningRecord } | { ok: false; problem: ImportProblem }

/** The export file's name, dated so a parent can tell two apart. */
export function exportFileName(now: Date = new Date()): string {
  return `gongyu-my-learning-${localDay(now)}.json`
}

/** The export file's content: the record as JSON, readable by anyone who opens it. */
export function exportFileText(record: LearningRecord): string {
  return `${JSON.stringify(record, null, 1)}\n`
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (character) => character.charCodeAt(0))
}

/** The record as one line of letters and digits to paste into a chat with oneself (WeChat's 文件传输助手) and copy on the new phone. */
export function transferCode(record: LearningRecord): string {
  return CODE_PREFIX + toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(record)), { level: 9 }))
}

function decodeCode(code: string): string | null {
  const bytes = fromBase64Url(code.slice(CODE_PREFIX.length))
  if (!bytes) return null
  // One byte over the limit is enough to know the code inflates too far; fflate stops at the buffer's end.
  const out = new Uint8Array(MAX_IMPORT_BYTES + 1)
  let inflated: Uint8Array
  try {
    inflated = inflateSync(bytes, { out })
  } catch (error) {
    // fflate throws plain Errors for a cut-off or corrupted stream: the code was not copied whole.
    console.info('我的学习：迁移码解不开。', error)
    return null
  }
  if (inflated.length > MAX_IMPORT_BYTES) return null
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(inflated)
  } catch (error) {
    if (error instanceof TypeError) return null
    throw error
  }
}

/**
 * Reads what a parent imports: an export file's text, or a 迁移码 pasted with
 * whatever spaces and line breaks a chat app added. Anything else is refused
 * with the reason, and nothing is returned to save.
 */
export function readImport(text: string): ImportReading {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, problem: 'empty' }
  if (trimmed.length > MAX_IMPORT_BYTES) return { ok: false, problem: 'tooLarge' }
  let json: string
  if (trimmed.startsWith('{')) json = trimmed
  else {
    const code = trimmed.replace(/\s+/g, '')
    if (!code.startsWith(CODE_PREFIX)) return { ok: false, problem: 'foreign' }
    const decoded = decodeCode(code)
    if (decoded === null) return { ok: false, problem: 'damaged' }
    json = decoded
  }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    // A file cut short still starts like JSON; a code's JSON is whole whenever the DEFLATE stream was.
    return { ok: false, problem: 'damaged' }
  }
  return readRecord(value)
}
