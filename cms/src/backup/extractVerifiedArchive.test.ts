import { describe, expect, it } from 'vitest'
import { isSafeEntryName } from './extractVerifiedArchive'

describe('archive entry names', () => {
  it('accepts what a backup writes', () => {
    for (const name of [
      'manifest.json',
      'database/gongyu.sqlite',
      'database/payload-jobs.ejson',
      'files/uploads/media/封面.png',
      'files/hls/12/240p/seg-001.m4s',
    ]) {
      expect(isSafeEntryName(name), name).toBe(true)
    }
  })

  it('refuses names that could write outside the staging folder or that no backup writes', () => {
    for (const name of [
      '../etc/passwd',
      '/etc/passwd',
      'files/../../cms/.env.local',
      'files/uploads/./x',
      'files//x',
      'files/uploads/a\\..\\b',
      'files/uploads/a\0b',
      'database/',
      'other/file',
      'manifest.json/x',
      `files/${'a'.repeat(1100)}`,
    ]) {
      expect(isSafeEntryName(name), name).toBe(false)
    }
  })
})
