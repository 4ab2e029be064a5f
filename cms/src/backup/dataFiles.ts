import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { BACKED_UP_FOLDERS } from './backupManifest'

/** A file of the data folder that a backup carries, with its path as the archive names it. */
export interface DataFile {
  absolute: string
  /** `uploads/media/…` or `hls/…`, with `/` separators. */
  relative: string
}

/**
 * Every regular file under the data folder's uploads and HLS output, in a
 * stable order. Whatever upload collections exist keep their files under
 * `uploads/<kind>/` (env/paths.ts), so new ones are covered without a list
 * here. Symbolic links are left out: a backup copies the deployment's own
 * bytes, never what a link points to elsewhere.
 */
export async function listDataFiles(dataDir: string): Promise<DataFile[]> {
  const files: DataFile[] = []
  for (const folder of BACKED_UP_FOLDERS) {
    const root = path.join(dataDir, folder)
    if (!existsSync(root)) continue
    const entries = await readdir(root, { recursive: true, withFileTypes: true })
    for (const entry of entries) {
      if (!entry.isFile()) continue
      const absolute = path.join(entry.parentPath, entry.name)
      files.push({ absolute, relative: path.relative(dataDir, absolute).split(path.sep).join('/') })
    }
  }
  return files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
}
