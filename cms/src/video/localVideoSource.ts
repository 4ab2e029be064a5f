import { randomUUID } from 'node:crypto'
import { access, rm } from 'node:fs/promises'
import path from 'node:path'
import { scratchDirectory } from '../env/paths'
import { downloadObject } from '../storage/downloadObject'
import { s3Settings } from '../storage/s3Settings'
import { VideoInputError } from './VideoInputError'

/** A source file on local disk, and how to let go of it. */
export interface LocalVideoSource {
  path: string
  release: () => Promise<void>
}

/**
 * The uploaded file as a local path for ffmpeg: the file in the upload
 * folder, or, when uploads live in S3, a temporary download that `release`
 * deletes.
 */
export async function localVideoSource(
  video: { id: string | number; filename?: string | null; prefix?: string | null },
  staticDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<LocalVideoSource> {
  const filename = video.filename ?? ''
  // Stored names are Payload's sanitized ones; anything with a path in it is not ours.
  if (!filename || path.basename(filename) !== filename) throw new VideoInputError('找不到已上传的视频文件，请重新上传。')
  const settings = s3Settings(env)
  if (!settings) {
    const file = path.resolve(staticDir, filename)
    try {
      await access(file)
    } catch (error) {
      throw new VideoInputError('找不到已上传的视频文件，请重新上传。', (error as Error).message)
    }
    return { path: file, release: async () => {} }
  }
  const download = path.join(scratchDirectory('transcodes', env), `source-${randomUUID()}${path.extname(filename)}`)
  const key = path.posix.join(video.prefix ?? '', filename)
  const release = () => rm(download, { force: true })
  try {
    await downloadObject(settings, key, download)
  } catch (error) {
    await release()
    throw error
  }
  return { path: download, release }
}
