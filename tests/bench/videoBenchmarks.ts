import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { transcodeToHls } from '../../cms/src/video/transcodeToHls.ts'
import { videoLimits } from '../../cms/src/video/videoLimits.ts'

const run = promisify(execFile)
const SOURCE_SECONDS = 60
const PLAYBACK_SECONDS = 10

const seconds = (milliseconds: number) => Math.round(milliseconds / 10) / 100

/** Bytes a player downloads for PLAYBACK_SECONDS of one rendition, from its measured segment bytes. */
const per10s = (bytes: number, durationSeconds: number) => Math.round((bytes * PLAYBACK_SECONDS) / durationSeconds)

/**
 * Transcodes a generated 60-second 720p clip with the CMS's own ladder and
 * reports the speed as a multiple of real time, and the bytes each rendition
 * costs for 10 s of playback. Figures only: nothing fails on timing. The
 * source is ffmpeg's synthetic test pattern, which compresses differently
 * from camera footage, so read the sizes as an order of magnitude.
 */
export async function videoBenchmarks(): Promise<Record<string, unknown>> {
  let ffmpegVersion: string
  try {
    ffmpegVersion = (await run('ffmpeg', ['-hide_banner', '-version'])).stdout.split('\n')[0] ?? ''
  } catch (error) {
    return { skipped: `ffmpeg unavailable (Debian: apt-get install ffmpeg): ${(error as Error).message}` }
  }
  const work = mkdtempSync(path.join(tmpdir(), 'gongyu-video-bench-'))
  try {
    const source = path.join(work, 'source-720p.mp4')
    const generated = performance.now()
    await run('ffmpeg', [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=25:duration=${SOURCE_SECONDS}`,
      '-f', 'lavfi', '-i', `sine=frequency=330:duration=${SOURCE_SECONDS}:sample_rate=48000`,
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-shortest', source,
    ])
    const generateMs = performance.now() - generated
    const hlsRoot = path.join(work, 'hls')
    const workRoot = path.join(work, 'transcodes')
    mkdirSync(hlsRoot)
    mkdirSync(workRoot)
    const started = performance.now()
    const result = await transcodeToHls({ source, hlsRoot, folderName: 'bench', workRoot, limits: videoLimits() })
    const transcodeMs = performance.now() - started
    const lowest = result.renditions[0]
    return {
      ffmpeg: ffmpegVersion,
      source: `${SOURCE_SECONDS} s, 1280x720, 25 fps, testsrc2 pattern with a sine tone (generated in ${seconds(generateMs)} s)`,
      transcodeSeconds: seconds(transcodeMs),
      speedTimesRealTime: Math.round((result.durationSeconds / (transcodeMs / 1000)) * 100) / 100,
      longestSegmentSeconds: result.longestSegmentSeconds,
      bytesPer10sPlayback: {
        ...Object.fromEntries(result.renditions.map((rung) => [`${rung.name} (video only)`, per10s(rung.bytes, result.durationSeconds)])),
        audioOnly: result.audioBytes === null ? null : per10s(result.audioBytes, result.durationSeconds),
        [`${lowest?.name ?? 'lowest'} with audio`]: per10s((lowest?.bytes ?? 0) + (result.audioBytes ?? 0), result.durationSeconds),
      },
      masterBandwidthBps: Object.fromEntries(result.renditions.map((rung) => [rung.name, rung.bandwidth])),
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
