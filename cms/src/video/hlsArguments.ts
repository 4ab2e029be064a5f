import { safeInputOptions, safeInputPath } from './inputGuard'
import { AUDIO_BITRATE, outputFrameRate, SEGMENT_SECONDS, type PlannedRendition } from './ladder'
import type { VideoProbe } from './probeVideo'

/** Names inside one video's HLS folder. */
export const HLS_LAYOUT = {
  master: 'master.m3u8',
  playlist: 'index.m3u8',
  audioFolder: 'audio',
  poster: 'poster.jpg',
} as const

export interface HlsArgumentsInput {
  source: string
  probe: VideoProbe
  renditions: PlannedRendition[]
  /** Output cap in seconds, for sources whose duration the container does not state. */
  maxSeconds: number
  preset?: string
}

/**
 * ffmpeg arguments for the whole ladder in one pass (one decode): each video
 * rendition in its own folder with the sound muxed into its segments, so one
 * playlist plays picture and sound together (hls.js/light cannot play a
 * separate EXT-X-MEDIA audio group, issue 18), plus an audio-only rendition
 * for 仅音频, listed in the master as its own variant. fMP4 segments of
 * SEGMENT_SECONDS with keyframes forced on the same timestamps in every
 * rendition so players can switch at any segment boundary. Output paths are
 * relative: ffmpeg runs in the work folder.
 */
export function hlsArguments(input: HlsArgumentsInput): string[] {
  const { probe, renditions } = input
  const fps = outputFrameRate(probe.frameRate)
  const gop = Math.max(1, Math.round(fps * SEGMENT_SECONDS))
  const capFps = probe.frameRate === null || probe.frameRate > fps ? `fps=${fps},` : ''
  const splits = renditions.map((_, index) => `[s${index}]`).join('')
  const scales = renditions.map((rung, index) => `[s${index}]scale=${rung.width}:${rung.height},setsar=1,format=yuv420p[v${index}]`)
  const filter = [`[0:v:0]${capFps}split=${renditions.length}${splits}`, ...scales].join(';')

  const videoOutputs = renditions.flatMap((rung, index) => [
    '-map',
    `[v${index}]`,
    `-b:v:${index}`,
    String(rung.videoBitrate),
    `-maxrate:v:${index}`,
    String(Math.round(rung.videoBitrate * 1.1)),
    `-bufsize:v:${index}`,
    String(rung.videoBitrate * 2),
  ])
  // One AAC encode per video rendition plus one for the audio-only rendition: ffmpeg gives each output
  // stream to exactly one variant, and a mono 64 kbps encode costs little beside the video.
  const audioCopies = probe.hasAudio ? renditions.length + 1 : 0
  const audioOutputs =
    audioCopies > 0
      ? [...Array.from({ length: audioCopies }, () => ['-map', '0:a:0']).flat(), '-c:a', 'aac', '-b:a', String(AUDIO_BITRATE), '-ac', '1', '-ar', '48000']
      : []
  const streamMap = [
    ...renditions.map((rung, index) => `v:${index},${probe.hasAudio ? `a:${index},` : ''}name:${rung.name}`),
    ...(probe.hasAudio ? [`a:${renditions.length},name:${HLS_LAYOUT.audioFolder}`] : []),
  ].join(' ')

  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-y',
    ...safeInputOptions(),
    '-i',
    safeInputPath(input.source),
    '-filter_complex',
    filter,
    ...videoOutputs,
    '-c:v',
    'libx264',
    '-preset',
    input.preset ?? 'veryfast',
    '-profile:v',
    'main',
    '-g',
    String(gop),
    '-keyint_min',
    String(gop),
    '-sc_threshold',
    '0',
    '-force_key_frames',
    `expr:gte(t,n_forced*${SEGMENT_SECONDS})`,
    ...audioOutputs,
    '-t',
    String(input.maxSeconds),
    '-max_muxing_queue_size',
    '1024',
    '-f',
    'hls',
    '-hls_time',
    String(SEGMENT_SECONDS),
    '-hls_playlist_type',
    'vod',
    '-hls_segment_type',
    'fmp4',
    '-hls_flags',
    'independent_segments',
    '-hls_fmp4_init_filename',
    'init.mp4',
    '-hls_segment_filename',
    '%v/seg_%05d.m4s',
    '-master_pl_name',
    HLS_LAYOUT.master,
    '-var_stream_map',
    streamMap,
    // Outputs are local files too; nothing in the output may open a network protocol.
    '-protocol_whitelist',
    'file',
    `%v/${HLS_LAYOUT.playlist}`,
  ]
}

/**
 * ffmpeg arguments for the poster: one frame a little way in (the first is
 * often black), at the size of the largest rendition, as a JPEG.
 */
export function posterArguments(source: string, probe: VideoProbe, largest: PlannedRendition): string[] {
  const at = probe.durationSeconds === null ? 0 : Math.min(1, probe.durationSeconds / 3)
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-y',
    '-ss',
    at.toFixed(3),
    ...safeInputOptions(),
    '-i',
    safeInputPath(source),
    '-frames:v',
    '1',
    '-vf',
    `scale=${largest.width}:${largest.height},setsar=1`,
    '-q:v',
    '3',
    '-protocol_whitelist',
    'file',
    HLS_LAYOUT.poster,
  ]
}
