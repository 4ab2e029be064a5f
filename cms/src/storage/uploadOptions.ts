import type { Config } from 'payload'
import { scratchDirectory } from '../env/paths'
import { formatBytes, videoLimits } from '../video/videoLimits'

/**
 * How Payload receives multipart uploads: streamed to temp files in the data
 * directory instead of memory (videos run to gigabytes), up to the video
 * limit, refused with HTTP 413 and a Chinese message above it. Payload's
 * defaults (20 MB per file, 50 MB per request) would refuse most videos.
 */
export function uploadOptions(env: NodeJS.ProcessEnv = process.env): NonNullable<Config['upload']> {
  const { maxBytes } = videoLimits(env)
  return {
    useTempFiles: true,
    tempFileDir: scratchDirectory('uploads', env),
    abortOnLimit: true,
    limits: { fileSize: maxBytes },
    // Room for the form fields next to the largest file.
    requestSizeLimit: maxBytes + 1024 * 1024,
    responseOnLimit: `文件超过上传大小上限 ${formatBytes(maxBytes)}，请压缩后重新上传。`,
  }
}
