import { describe, expect, it } from 'vitest'
import { isDatabaseBusy } from './databaseBusy'

describe('isDatabaseBusy', () => {
  it('finds SQLITE_BUSY by code, by message, and inside wrapped causes', () => {
    expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_BUSY' }))).toBe(true)
    expect(isDatabaseBusy(new Error('lessons/a.md › Error: cannot begin transaction: SQLITE_BUSY: database is locked'))).toBe(true)
    expect(isDatabaseBusy(new Error('Failed query: insert into "lessons"', { cause: new Error('database is locked') }))).toBe(true)
  })

  it('leaves other failures alone', () => {
    expect(isDatabaseBusy(new Error('三年级已有第 5 课'))).toBe(false)
    expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false)
    expect(isDatabaseBusy(undefined)).toBe(false)
  })
})
