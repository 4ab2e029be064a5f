import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

// Debian's fonts-noto-cjk; drawtext needs a font file with Chinese glyphs.
const CJK_FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Medium.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
]

/** Why a sample video cannot be made on this machine, or undefined when it can. */
export async function videoToolsMissing(ffmpeg = 'ffmpeg'): Promise<string | undefined> {
  try {
    await run(ffmpeg, ['-hide_banner', '-version'])
  } catch {
    return '未找到 ffmpeg（Debian: apt-get install ffmpeg）'
  }
  if (!CJK_FONT_CANDIDATES.some((font) => existsSync(font))) return '未找到中文字体（Debian: apt-get install fonts-noto-cjk）'
  return undefined
}

export interface TitleCardOptions {
  title: string
  subtitle: string
  outFile: string
  seconds?: number
  ffmpeg?: string
}

/**
 * Renders a short 720p sample micro-lesson: a title card with the
 * presenter's line, a progress bar and a soft tone, so the video path can be
 * shown end to end without shipping video files in git. Arguments go to
 * ffmpeg as an array and the text through files, so nothing is shell- or
 * filter-escaped by hand.
 */
export async function renderTitleCardVideo(options: TitleCardOptions): Promise<string> {
  const seconds = options.seconds ?? 12
  const font = CJK_FONT_CANDIDATES.find((candidate) => existsSync(candidate))
  if (!font) throw new Error('未找到中文字体（Debian: apt-get install fonts-noto-cjk）')
  mkdirSync(path.dirname(options.outFile), { recursive: true })
  const work = mkdtempSync(path.join(tmpdir(), 'gongyu-title-card-'))
  try {
    const titleFile = path.join(work, 'title.txt')
    const subtitleFile = path.join(work, 'subtitle.txt')
    writeFileSync(titleFile, options.title)
    writeFileSync(subtitleFile, options.subtitle)
    const text = (file: string, size: number, color: string, y: string) =>
      `drawtext=fontfile=${font}:textfile=${file}:fontsize=${size}:fontcolor=${color}:x=(w-tw)/2:y=${y}`
    const filter = [
      `[0]${text(titleFile, 56, 'white', 'h/2-80')},${text(subtitleFile, 32, '0xdfeee8', 'h/2+20')}[card]`,
      `[card][1]overlay=x=-W+W*t/${seconds}:y=H-16[video]`,
    ].join(';')
    await run(options.ffmpeg ?? 'ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `color=c=0x1f5f4a:s=1280x720:d=${seconds}:r=25`,
      '-f',
      'lavfi',
      '-i',
      `color=c=0xf2b441:s=1280x16:d=${seconds}:r=25`,
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=330:duration=${seconds}:sample_rate=48000`,
      '-filter_complex',
      filter,
      '-map',
      '[video]',
      '-map',
      '2:a',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '64k',
      '-shortest',
      '-movflags',
      '+faststart',
      options.outFile,
    ])
    return options.outFile
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
