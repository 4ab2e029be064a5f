import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PublicRecord, PublicVideo } from '@gongyu/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { copyMedia } from './copyMedia.ts'

let work: string

afterEach(() => rmSync(work, { recursive: true, force: true }))

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
}

/** A record playing the video in HLS folder `folder`, with caption file `captions` if given. */
function playing(folder: string, captions: string | null = null): PublicRecord {
  const video: PublicVideo = {
    master: `/media/hls/${folder}/master.m3u8`,
    audio: `/media/hls/${folder}/audio/index.m3u8`,
    poster: `/media/hls/${folder}/poster.jpg`,
    captions: captions === null ? null : `/media/captions/${encodeURIComponent(captions)}`,
    durationSeconds: 10,
    width: 640,
    height: 360,
    renditions: [],
  }
  return { type: 'micro-lesson', slug: `clip-${folder}`, video } as unknown as PublicRecord
}

describe('media in the build', () => {
  it("puts a played video's HLS folder under media/, nested files included", () => {
    work = mkdtempSync(path.join(tmpdir(), 'gongyu-media-'))
    const hls = path.join(work, 'hls')
    write(path.join(hls, '7', 'master.m3u8'), '#EXTM3U')
    write(path.join(hls, '7', '240p', 'seg_00000.m4s'), 'segment')
    const out = path.join(work, 'dist')
    expect(copyMedia({ hls, captions: path.join(work, 'no-captions') }, [playing('7')], out)).toBe(2)
    expect(readFileSync(path.join(out, 'media', 'hls', '7', '240p', 'seg_00000.m4s'), 'utf8')).toBe('segment')
  })

  it('puts only the ladder version a record plays into the build, not older versions left beside it', () => {
    work = mkdtempSync(path.join(tmpdir(), 'gongyu-media-'))
    const hls = path.join(work, 'hls')
    write(path.join(hls, '7', '0123456789abcdef', 'master.m3u8'), '#EXTM3U new')
    write(path.join(hls, '7', '0123456789abcdef', '240p', 'seg_00000.m4s'), 'new segment')
    write(path.join(hls, '7', 'fedcba9876543210', 'master.m3u8'), '#EXTM3U old')
    const out = path.join(work, 'dist')
    expect(copyMedia({ hls, captions: path.join(work, 'no-captions') }, [playing('7/0123456789abcdef')], out)).toBe(2)
    expect(readdirSync(path.join(out, 'media', 'hls', '7'))).toEqual(['0123456789abcdef'])
    expect(readFileSync(path.join(out, 'media', 'hls', '7', '0123456789abcdef', '240p', 'seg_00000.m4s'), 'utf8')).toBe('new segment')
  })

  it('finds folders the export names relative to the data folder in the data folder of this build', () => {
    work = mkdtempSync(path.join(tmpdir(), 'gongyu-media-'))
    const dataDir = path.join(work, 'data')
    write(path.join(dataDir, 'hls', '4', 'master.m3u8'), '#EXTM3U')
    write(path.join(dataDir, 'uploads', 'captions', 'c.vtt'), 'WEBVTT')
    const out = path.join(work, 'dist')
    expect(copyMedia({ hls: 'hls', captions: 'uploads/captions' }, [playing('4', 'c.vtt')], out, dataDir)).toBe(2)
    expect(readFileSync(path.join(out, 'media', 'captions', 'c.vtt'), 'utf8')).toBe('WEBVTT')
  })

  it('copies only the videos and captions published records play, nothing else from the CMS folders', () => {
    work = mkdtempSync(path.join(tmpdir(), 'gongyu-media-'))
    const hls = path.join(work, 'hls')
    const captions = path.join(work, 'captions')
    for (const folder of ['1', '2', '3']) write(path.join(hls, folder, 'master.m3u8'), `#EXTM3U ${folder}`)
    write(path.join(captions, '字幕 一.vtt'), 'WEBVTT')
    write(path.join(captions, 'unused.vtt'), 'WEBVTT')
    const out = path.join(work, 'dist')
    const records = [playing('2', '字幕 一.vtt'), { type: 'lesson', slug: 'no-video', video: null } as unknown as PublicRecord]
    expect(copyMedia({ hls, captions }, records, out)).toBe(2)
    expect(readdirSync(path.join(out, 'media', 'hls'))).toEqual(['2'])
    expect(readdirSync(path.join(out, 'media', 'captions'))).toEqual(['字幕 一.vtt'])
  })

  it('ignores media URLs that would leave their folder', () => {
    work = mkdtempSync(path.join(tmpdir(), 'gongyu-media-'))
    const hls = path.join(work, 'data', 'hls')
    write(path.join(work, 'data', 'secret', 'master.m3u8'), 'secret')
    write(path.join(work, 'data', 'secret.vtt'), 'secret')
    const out = path.join(work, 'dist')
    const hostile = {
      type: 'micro-lesson',
      slug: 'x',
      video: {
        ...playing('1').video,
        master: '/media/hls/../secret/master.m3u8',
        audio: '/media/hls/%2E%2E/secret/a.m3u8',
        poster: null,
        captions: '/media/captions/..%2Fsecret.vtt',
      },
    } as unknown as PublicRecord
    expect(copyMedia({ hls, captions: path.join(work, 'data', 'captions') }, [hostile], out)).toBe(0)
    expect(existsSync(path.join(out, 'media'))).toBe(false)
  })

  it('does nothing for an export without media', () => {
    work = mkdtempSync(path.join(tmpdir(), 'gongyu-media-'))
    expect(copyMedia(undefined, [playing('1')], work)).toBe(0)
  })
})
