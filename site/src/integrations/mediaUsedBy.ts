import { MEDIA_URL_PREFIX, type PublicRecord } from '@gongyu/contract'

/** What the published records play: HLS folders (one per video) and caption files, relative to their source folders. */
export interface UsedMedia {
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

function firstSegmentAfter(prefix: string, url: string | null | undefined): string | null {
  if (!url?.startsWith(prefix)) return null
  return segment(url.slice(prefix.length).split('/')[0])
}

/**
 * The media files published records use, read from the site URLs in their
 * `video` (master, audio and poster live in the video's HLS folder; captions
 * are one file each). Everything else in the CMS's folders stays out of the
 * build: an upload attached to nothing, or only to a draft, is not public.
 */
export function mediaUsedBy(records: PublicRecord[]): UsedMedia {
  const hlsFolders = new Set<string>()
  const captionFiles = new Set<string>()
  for (const { video } of records) {
    if (!video) continue
    for (const url of [video.master, video.audio, video.poster]) {
      const folder = firstSegmentAfter(MEDIA_URL_PREFIX.hls, url)
      if (folder) hlsFolders.add(folder)
    }
    const captions = video.captions?.startsWith(MEDIA_URL_PREFIX.captions) ? segment(video.captions.slice(MEDIA_URL_PREFIX.captions.length)) : null
    if (captions) captionFiles.add(captions)
  }
  return { hlsFolders: [...hlsFolders].sort(), captionFiles: [...captionFiles].sort() }
}
