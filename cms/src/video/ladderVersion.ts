import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

/** Hex digits of a ladder version: 64 bits, so two outputs of one video never share a name by chance. */
export const LADDER_VERSION_LENGTH = 16

/** Whether a folder name is a ladder version as ladderVersion() writes it. */
export function isLadderVersion(name: string): boolean {
  return new RegExp(`^[0-9a-f]{${LADDER_VERSION_LENGTH}}$`).test(name)
}

async function filesUnder(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(folder, prefix), { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((entry) => {
      const relative = path.posix.join(prefix, entry.name)
      return entry.isDirectory() ? filesUnder(folder, relative) : Promise.resolve(entry.isFile() ? [relative] : [])
    }),
  )
  return nested.flat()
}

/**
 * The version of a finished ladder: a SHA-256 of every file's path and bytes
 * in the work folder, cut to LADDER_VERSION_LENGTH hex digits. It names the
 * folder the ladder is served from (`<video id>/<version>/`), so a new file,
 * or the same file transcoded differently, gets new URLs for every playlist,
 * segment and poster, and a CDN may keep each of them for a year (issue 18).
 */
export async function ladderVersion(folder: string): Promise<string> {
  const hash = createHash('sha256')
  for (const file of (await filesUnder(folder)).sort()) {
    hash.update(file)
    hash.update('\0')
    hash.update(await readFile(path.join(folder, file)))
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, LADDER_VERSION_LENGTH)
}
