import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { copyMedia } from './copyMedia.ts'

let work: string

afterEach(() => rmSync(work, { recursive: true, force: true }))

describe('media in the build', () => {
  it('puts HLS and caption folders under media/, nested files included', () => {
    work = mkdtempSync(path.join(tmpdir(), 'gongyu-media-'))
    const hls = path.join(work, 'hls')
    mkdirSync(path.join(hls, '7', '240p'), { recursive: true })
    writeFileSync(path.join(hls, '7', 'master.m3u8'), '#EXTM3U')
    writeFileSync(path.join(hls, '7', '240p', 'seg_00000.m4s'), 'segment')
    const out = path.join(work, 'dist')
    expect(copyMedia({ hls, captions: path.join(work, 'no-captions') }, out)).toBe(2)
    expect(readFileSync(path.join(out, 'media', 'hls', '7', '240p', 'seg_00000.m4s'), 'utf8')).toBe('segment')
  })

  it('does nothing for an export without media', () => {
    work = mkdtempSync(path.join(tmpdir(), 'gongyu-media-'))
    expect(copyMedia(undefined, work)).toBe(0)
  })
})
