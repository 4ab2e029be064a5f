import { deflateSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { emptyRecord, type LearningRecord } from './learningRecord.ts'
import { CODE_PREFIX, exportFileName, exportFileText, MAX_IMPORT_BYTES, readImport, transferCode } from './transferText.ts'

const record: LearningRecord = {
  ...emptyRecord(),
  done: Array.from({ length: 12 }, (_, index) => ({
    id: `lesson:p3-${String(index + 1).padStart(2, '0')}-talk`,
    title: `第${index + 1}课：和孩子好好说话`,
    minutes: 40,
    on: '2026-12-01',
  })),
  practised: Array.from({ length: 30 }, (_, index) => ({ id: 'lesson:p3-01-talk', activity: 'practice', on: `2026-11-${String(index + 1).padStart(2, '0')}` })),
  stamps: [],
}

function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url')
}

describe('moving to a new phone', () => {
  it('reads back its own export file and its own 迁移码', () => {
    expect(exportFileName(new Date(2026, 11, 3))).toBe('gongyu-my-learning-2026-12-03.json')
    expect(readImport(exportFileText(record))).toEqual({ ok: true, record })
    const code = transferCode(record)
    expect(code.startsWith(CODE_PREFIX)).toBe(true)
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(readImport(code)).toEqual({ ok: true, record })
    console.log(`transfer code: ${code.length} characters for 12 lessons and 30 practice days (export file ${exportFileText(record).length} bytes)`)
  })

  it('reads a code pasted with the spaces and line breaks a chat app adds', () => {
    const code = transferCode(record)
    const wrapped = `\n  ${code.slice(0, 40)}\n${code.slice(40, 90)} ${code.slice(90)}  \n`
    expect(readImport(wrapped)).toEqual({ ok: true, record })
  })

  it('refuses empty, foreign, damaged, later-version and oversized imports with their reason', () => {
    const code = transferCode(record)
    expect(readImport('  ')).toEqual({ ok: false, problem: 'empty' })
    expect(readImport('你好，这是一段聊天记录')).toEqual({ ok: false, problem: 'foreign' })
    expect(readImport(JSON.stringify({ name: 'another app', records: [] }))).toEqual({ ok: false, problem: 'foreign' })
    expect(readImport(exportFileText(record).slice(0, 200))).toEqual({ ok: false, problem: 'damaged' })
    expect(readImport(code.slice(0, -12))).toEqual({ ok: false, problem: 'damaged' })
    expect(readImport(`${code.slice(0, 30)}!${code.slice(31)}`)).toEqual({ ok: false, problem: 'damaged' })
    expect(readImport(`${CODE_PREFIX}${base64Url(new TextEncoder().encode('not deflate at all'))}`)).toEqual({ ok: false, problem: 'damaged' })
    expect(readImport(JSON.stringify({ ...record, version: 2 }))).toEqual({ ok: false, problem: 'newerVersion' })
    expect(readImport(JSON.stringify({ ...record, done: [{ ...record.done[0], minutes: 'lots' }] }))).toEqual({ ok: false, problem: 'invalid' })
    expect(readImport(`{"a":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`)).toEqual({ ok: false, problem: 'tooLarge' })
  })

  it('refuses a code that inflates past the size limit instead of filling memory', () => {
    const bomb = deflateSync(new TextEncoder().encode(`{"format":"gongyu-my-learning","x":"${' '.repeat(MAX_IMPORT_BYTES * 4)}"}`), { level: 9 })
    const code = `${CODE_PREFIX}${base64Url(bomb)}`
    expect(code.length).toBeLessThan(20_000)
    expect(readImport(code)).toEqual({ ok: false, problem: 'damaged' })
  })

  it('refuses a code whose content is not a learning record', () => {
    const foreign = `${CODE_PREFIX}${base64Url(deflateSync(new TextEncoder().encode(JSON.stringify({ hello: 1 }))))}`
    expect(readImport(foreign)).toEqual({ ok: false, problem: 'foreign' })
    const latin1 = `${CODE_PREFIX}${base64Url(deflateSync(Uint8Array.from([0xff, 0xfe, 0x7b])))}`
    expect(readImport(latin1)).toEqual({ ok: false, problem: 'damaged' })
  })
})
