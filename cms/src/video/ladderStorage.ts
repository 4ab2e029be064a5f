import { rm } from 'node:fs/promises'
import path from 'node:path'
import { BUCKET_PREFIX } from '../storage/bucketLayout'
import { deletePrefix, uploadFolder } from '../storage/bucketObjects'
import { s3Settings } from '../storage/s3Settings'

/**
 * With a bucket configured, moves a finished ladder (`<hlsRoot>/<id>/<version>/`,
 * named by its master playlist) into the bucket, then deletes the video's
 * older versions there and its local folder: every CMS instance and site
 * build reads the ladder from the bucket. Without a bucket it stays on disk.
 */
export async function storeLadder(hlsRoot: string, masterPlaylist: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const settings = s3Settings(env)
  if (!settings) return
  const versionFolder = path.posix.dirname(masterPlaylist)
  const folderName = versionFolder.split('/')[0] as string
  const versionPrefix = `${BUCKET_PREFIX.hls}${versionFolder}/`
  await uploadFolder(settings, path.join(hlsRoot, versionFolder), versionPrefix)
  // Only after the new version is complete, so a player never finds half a ladder.
  await deletePrefix(settings, `${BUCKET_PREFIX.hls}${folderName}/`, (key) => key.startsWith(versionPrefix))
  await rm(path.join(hlsRoot, folderName), { recursive: true, force: true })
}

/** Deletes every ladder of one video, on disk and in the bucket when one is configured. */
export async function removeLadders(hlsRoot: string, folderName: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await rm(path.join(hlsRoot, folderName), { recursive: true, force: true })
  const settings = s3Settings(env)
  if (settings) await deletePrefix(settings, `${BUCKET_PREFIX.hls}${folderName}/`)
}
