import { open } from 'node:fs/promises'
import path from 'node:path'
import { VideoInputError } from './VideoInputError'

/**
 * Demuxers ffmpeg and ffprobe may use: MP4/MOV and Matroska/WebM, the formats
 * the collection accepts. Anything else, above all the HLS and concat
 * demuxers, which open other files named inside the input, is refused before
 * it reads a byte beyond the probe.
 */
export const ALLOWED_DEMUXERS = 'mov,matroska'

/** Input options every ffmpeg or ffprobe call puts before `-i`: local files only, known containers only. */
export function safeInputOptions(): string[] {
  return ['-protocol_whitelist', 'file', '-format_whitelist', ALLOWED_DEMUXERS]
}

/** The input path as ffmpeg gets it: absolute, so it can never be taken for a URL or an option. */
export function safeInputPath(file: string): string {
  if (!path.isAbsolute(file)) throw new Error(`video source must be an absolute path: ${file}`)
  return file
}

const SNIFF_BYTES = 512

/**
 * Looks at the first bytes before any tool does: a playlist or a text file
 * renamed `.mp4` is refused here with a precise reason (ffmpeg would refuse
 * it too, thanks to the demuxer whitelist, but with a vaguer one).
 */
export async function refuseNonVideoContent(file: string): Promise<void> {
  const handle = await open(file, 'r')
  let head: Buffer
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0)
    head = buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
  if (head.length === 0) throw new VideoInputError('文件是空的，请重新上传视频。')
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (text.startsWith('#EXTM3U')) {
    throw new VideoInputError('文件内容是 HLS 播放列表（m3u8），不是视频。出于安全考虑，系统不会读取其中引用的文件，请上传视频文件本身。')
  }
  // Video containers start with binary headers full of zero bytes; text has none.
  if (!head.includes(0) && !text.includes('\uFFFD')) {
    throw new VideoInputError('文件内容是文本，不是视频（可能是改了扩展名的文件），请上传 MP4、MOV 或 WebM 视频。')
  }
}
