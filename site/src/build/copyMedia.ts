import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'

/** The URL folder media is served from, matching `MEDIA_URL_PREFIX` in @gongyu/search/record. */
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

/** Links the export's media folders (HLS video, captions) into `<outDir>/media/`. */
export function copyMedia(sources: { hls: string; captions: string } | undefined, outDir: string): number {
  if (!sources) return 0
  return linkTree(sources.hls, path.join(outDir, MEDIA_FOLDER, 'hls')) + linkTree(sources.captions, path.join(outDir, MEDIA_FOLDER, 'captions'))
}
