import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isLadderVersion, ladderVersion } from './ladderVersion'

const folders: string[] = []

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

/** A ladder folder holding `files` (relative path → content). */
function ladder(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'gongyu-ladder-version-'))
  folders.push(folder)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true })
    writeFileSync(path.join(folder, name), content)
  }
  return folder
}

const files = { 'master.m3u8': '#EXTM3U\n240p/index.m3u8\n', '240p/index.m3u8': '#EXTM3U\nseg_00000.m4s\n', '240p/seg_00000.m4s': 'segment' }

describe('the version that names a ladder’s folder', () => {
  it('is 16 hex digits, the same for the same files wherever they are', async () => {
    const version = await ladderVersion(ladder(files))
    expect(isLadderVersion(version)).toBe(true)
    expect(await ladderVersion(ladder(files))).toBe(version)
  })

  it('changes when any file’s bytes change, or a file moves or is added', async () => {
    const version = await ladderVersion(ladder(files))
    expect(await ladderVersion(ladder({ ...files, '240p/seg_00000.m4s': 'segmenT' }))).not.toBe(version)
    const { '240p/seg_00000.m4s': segment, ...rest } = files
    expect(await ladderVersion(ladder({ ...rest, '240p/seg_00001.m4s': segment }))).not.toBe(version)
    expect(await ladderVersion(ladder({ ...files, 'poster.jpg': 'jpeg' }))).not.toBe(version)
  })

  it('does not take a video id or anything else for a version', () => {
    for (const name of ['7', '0123456789ABCDEF', '0123456789abcde', '0123456789abcdef0', 'master.m3u8']) expect(isLadderVersion(name)).toBe(false)
  })
})
