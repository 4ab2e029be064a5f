import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { mediaUsedBy, type PublicRecord } from '@gongyu/contract'
import { readSiteConfig } from '../config.ts'

/** The URL folder media is served from, matching `MEDIA_URL_PREFIX` in @gongyu/contract. */
export const MEDIA_FOLDER = 'media'

/**
 * Puts one media folder into the build (e.g. `<data>/hls` → `dist/media/hls`)
 * by hard links where the disk allows, so a rebuild does not copy gigabytes
 * of video; a copy otherwise. Returns the number of files.
 */
export function linkTree(source: string, target: string): number {
  if (!existsSync(source)) return 0
  let count = 0
  mkdirSync(target, { recursive: true })
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name)
    const to = path.join(target, entry.name)
    if (entry.isDirectory()) count += linkTree(from, to)
    else if (entry.isFile()) {
      try {
        linkSync(from, to)
      } catch {
        // Another disk (EXDEV) or a file system without hard links: copy instead.
        copyFileSync(from, to)
      }
      count += 1
    }
  }
  return count
}

function linkFile(from: string, to: string): number {
  if (!existsSync(from) || !statSync(from).isFile()) return 0
  mkdirSync(path.dirname(to), { recursive: true })
  try {
    linkSync(from, to)
  } catch {
    // Another disk (EXDEV) or a file system without hard links: copy instead.
    copyFileSync(from, to)
  }
  return 1
}

/**
 * Links into `<outDir>/media/` the media the published records use: each
 * played video's HLS folder and each caption file, and nothing else from the
 * export's folders (their ids are sequential, so anything there could be found).
 */
export function copyMedia(
  sources: { hls: string; captions: string } | undefined,
  records: PublicRecord[],
  outDir: string,
  dataDirectory: string = readSiteConfig().dataDirectory,
): number {
  if (!sources) return 0
  // The export names its folders relative to the data folder; this build's own GONGYU_DATA_DIR locates them.
  const hls = path.resolve(dataDirectory, sources.hls)
  const captions = path.resolve(dataDirectory, sources.captions)
  const { hlsFolders, captionFiles } = mediaUsedBy(records)
  let count = 0
  for (const folder of hlsFolders) count += linkTree(path.join(hls, folder), path.join(outDir, MEDIA_FOLDER, 'hls', folder))
  for (const file of captionFiles) count += linkFile(path.join(captions, file), path.join(outDir, MEDIA_FOLDER, 'captions', file))
  return count
}
