import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { StarterContent } from '@gongyu/seed/content'
import { buildSite } from '../../site/scripts/buildSite.ts'
import { TEST_SITE_URL, serveFolder } from './siteBuild.ts'
import type { TestPayload, TestRole } from './testPayload.ts'

const run = promisify(execFile)

/**
 * A clip for the player tests, made by ffmpeg at test time (no media in
 * git): ffmpeg's moving testsrc2 pattern with a 440 Hz tone, H.264/AAC.
 */
export async function makeTestClip(file: string, options: { seconds?: number; size?: string } = {}): Promise<string> {
  const seconds = options.seconds ?? 10
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${options.size ?? '640x360'}:rate=25:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${seconds}:sample_rate=48000`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    '-shortest',
    '-movflags',
    '+faststart',
    file,
  ])
  return file
}

/** Uploads a file from disk through the guard and REST, as the admin's upload form does. */
export function restUpload(
  t: TestPayload,
  apiPath: string,
  file: string,
  options: { as: TestRole; type: string; data?: Record<string, unknown> },
): Promise<{ status: number; json: unknown }> {
  return t.upload('POST', apiPath, { bytes: readFileSync(file), filename: path.basename(file), type: options.type }, { as: options.as, data: options.data })
}

/**
 * The part of the starter bank that has sample videos: every micro-lesson
 * marked `video: generated`, the lessons they belong to, and the themes.
 * Seeding it with a `videoCacheDir` renders and uploads those videos only.
 */
export function sampleVideoSlice(content: StarterContent): StarterContent {
  const microLessons = content.files.filter((item) => item.kind === 'micro-lesson' && item.data.video === 'generated')
  const lessons = new Set(microLessons.map((item) => String(item.data.lesson)))
  return { themes: content.themes, files: [...content.files.filter((item) => item.kind === 'lesson' && lessons.has(item.slug)), ...microLessons] }
}

/** A built site served on a free loopback port. */
export interface ServedSite {
  url: string
  outDir: string
  buildSeconds: number
  stop: () => Promise<void>
}

/** Builds the site from `exportDir` into `outDir` (media hard-linked from the export's sources) and serves it. */
export async function buildAndServeSite(exportDir: string, outDir: string, env: Record<string, string> = {}): Promise<ServedSite> {
  const { seconds } = await buildSite({ outDir, env: { GONGYU_EXPORT_DIR: exportDir, GONGYU_SITE_URL: TEST_SITE_URL, ...env } })
  const served = await serveFolder(outDir)
  return { url: served.url, outDir, buildSeconds: seconds, stop: served.stop }
}
