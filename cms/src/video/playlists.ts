/** What the transcoder needs from one media playlist. */
export interface MediaPlaylist {
  /** EXTINF durations, in order. */
  segmentSeconds: number[]
  /** Every file the playlist references (the fMP4 init segment and the media segments), relative to it. */
  files: string[]
}

/** Reads a media playlist written by ffmpeg's HLS muxer. */
export function readMediaPlaylist(text: string): MediaPlaylist {
  const segmentSeconds: number[] = []
  const files: string[] = []
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim()
    if (line.startsWith('#EXTINF:')) segmentSeconds.push(Number.parseFloat(line.slice('#EXTINF:'.length)))
    else if (line.startsWith('#EXT-X-MAP:')) {
      const uri = /URI="([^"]+)"/.exec(line)?.[1]
      if (uri) files.push(uri)
    } else if (line && !line.startsWith('#')) files.push(line)
  }
  return { segmentSeconds, files }
}

/** BANDWIDTH of each variant in a master playlist, by its URI. */
export function readMasterBandwidths(text: string): Map<string, number> {
  const bandwidths = new Map<string, number>()
  let pending: number | null = null
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim()
    if (line.startsWith('#EXT-X-STREAM-INF:')) pending = Number(/BANDWIDTH=(\d+)/.exec(line)?.[1] ?? Number.NaN)
    else if (line && !line.startsWith('#') && pending !== null) {
      bandwidths.set(line, pending)
      pending = null
    }
  }
  return bandwidths
}

/** The total duration of a media playlist, in seconds. */
export function playlistSeconds(playlist: MediaPlaylist): number {
  return playlist.segmentSeconds.reduce((sum, seconds) => sum + seconds, 0)
}
