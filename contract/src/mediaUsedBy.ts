import type { PublicRecord } from './publicRecord.ts'
import { MEDIA_URL_PREFIX } from './urls.ts'

/** What the published records play: HLS ladder folders (one per video) and caption files, relative to their source folders. */
export interface UsedMedia {
  /** `<video id>/<version>` for ladders in versioned folders, `<video id>` for older ones. */
  hlsFolders: string[]
  captionFiles: string[]
}

// One path segment, decoded: never empty, `.`, `..` or with a separator, so it cannot leave its folder.
function segment(encoded: string | undefined): string | null {
  if (!encoded) return null
  let name: string
  try {
    name = decodeURIComponent(encoded)
  } catch {
    // A malformed escape names no file the CMS wrote.
    return null
  }
  return name === '.' || name === '..' || /[/\\\0]/.test(name) ? null : name
}

/** The folder of a file under `prefix`, as decoded segments joined by `/`; null when any segment is unsafe or there is none. */
function folderAfter(prefix: string, url: string | null | undefined): string | null {
  if (!url?.startsWith(prefix)) return null
  const parts = url.slice(prefix.length).split('/').slice(0, -1).map(segment)
  if (parts.length === 0 || parts.some((part) => part === null)) return null
  return parts.join('/')
}

/**
 * The media files published records use, read from the site URLs in their
 * `video` (master, audio and poster live in the video's ladder folder; captions
 * are one file each). Everything else in the CMS's folders stays out of the
 * build: an upload attached to nothing, or only to a draft, is not public.
 */
export function mediaUsedBy(records: PublicRecord[]): UsedMedia {
  const hlsFolders = new Set<string>()
  const captionFiles = new Set<string>()
  for (const { video } of records) {
    if (!video) continue
    // The master's folder holds the whole ladder (its audio playlist and poster too), and only the version
    // the record plays: older versions still on the CMS's disk stay out of the build.
    const ladder = folderAfter(MEDIA_URL_PREFIX.hls, video.master)
    if (ladder) hlsFolders.add(ladder)
    for (const url of [video.audio, video.poster]) {
      const folder = folderAfter(MEDIA_URL_PREFIX.hls, url)
      if (folder && !(ladder && (folder === ladder || folder.startsWith(`${ladder}/`)))) hlsFolders.add(folder)
    }
    const captions = video.captions?.startsWith(MEDIA_URL_PREFIX.captions) ? segment(video.captions.slice(MEDIA_URL_PREFIX.captions.length)) : null
    if (captions) captionFiles.add(captions)
  }
  return { hlsFolders: [...hlsFolders].sort(), captionFiles: [...captionFiles].sort() }
}
