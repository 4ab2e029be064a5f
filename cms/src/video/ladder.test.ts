import { describe, expect, it } from 'vitest'
import { hlsArguments } from './hlsArguments'
import { planLadder } from './ladder'
import { playlistSeconds, readMasterBandwidths, readMediaPlaylist } from './playlists'
import { checkProbeLimits, readProbeOutput, type VideoProbe } from './probeVideo'
import { VideoInputError } from './VideoInputError'
import { videoLimits } from './videoLimits'

const heights = (width: number, height: number) => planLadder({ width, height }).map((rung) => `${rung.width}x${rung.height}`)

describe('planLadder', () => {
  it('keeps every rung up to the source and never upscales', () => {
    expect(heights(1920, 1080)).toEqual(['426x240', '640x360', '1280x720'])
    expect(heights(1280, 720)).toEqual(['426x240', '640x360', '1280x720'])
    expect(heights(854, 480)).toEqual(['426x240', '640x360'])
    expect(heights(426, 240)).toEqual(['426x240'])
  })

  it('keeps the lowest rung for a tiny source, at the source size', () => {
    expect(planLadder({ width: 320, height: 180 })).toEqual([{ name: '180p', width: 320, height: 180, videoBitrate: 300_000 }])
  })

  it('sizes portrait sources by their width', () => {
    expect(heights(720, 1280)).toEqual(['240x426', '360x640', '720x1280'])
  })
})

describe('readProbeOutput', () => {
  const probe = (streams: unknown[], duration = '10.0') => readProbeOutput(JSON.stringify({ streams, format: { duration } }))

  it('reads size, rate, audio and duration, applying rotation', () => {
    expect(
      probe([{ codec_type: 'video', width: 1920, height: 1080, avg_frame_rate: '30000/1001', side_data_list: [{ rotation: -90 }] }, { codec_type: 'audio' }]),
    ).toEqual({
      durationSeconds: 10,
      width: 1080,
      height: 1920,
      frameRate: 30000 / 1001,
      hasAudio: true,
    })
  })

  it('refuses a file without pictures (cover art does not count)', () => {
    expect(() => probe([{ codec_type: 'audio' }, { codec_type: 'video', width: 600, height: 600, disposition: { attached_pic: 1 } }])).toThrow(VideoInputError)
  })

  it('applies the duration and size limits', () => {
    const limits = videoLimits({ NODE_ENV: 'test' })
    const base: VideoProbe = { durationSeconds: 600, width: 1280, height: 720, frameRate: 25, hasAudio: true }
    expect(() => checkProbeLimits(base, limits)).not.toThrow()
    expect(() => checkProbeLimits({ ...base, durationSeconds: 31 * 60 }, limits)).toThrow(/超过上限 30 分钟/)
    expect(() => checkProbeLimits({ ...base, width: 8192 }, limits)).toThrow(/4096 像素/)
  })
})

describe('videoLimits', () => {
  it('refuses a limit that is not a positive number instead of ignoring it', () => {
    expect(() => videoLimits({ NODE_ENV: 'test', GONGYU_MAX_VIDEO_BYTES: '2GB' })).toThrow(/GONGYU_MAX_VIDEO_BYTES/)
    expect(videoLimits({ NODE_ENV: 'test', GONGYU_MAX_VIDEO_BYTES: '1000' }).maxBytes).toBe(1000)
  })
})

describe('hlsArguments', () => {
  const probe: VideoProbe = { durationSeconds: 10, width: 1280, height: 720, frameRate: 60, hasAudio: false }
  const args = hlsArguments({ source: '/data/uploads/videos/a.mp4', probe, renditions: planLadder(probe), maxSeconds: 1800 })

  it('reads local files through known demuxers only, and aligns keyframes on 4 s', () => {
    expect(args.slice(args.indexOf('-protocol_whitelist'), args.indexOf('-i') + 2)).toEqual([
      '-protocol_whitelist',
      'file',
      '-format_whitelist',
      'mov,matroska',
      '-i',
      '/data/uploads/videos/a.mp4',
    ])
    expect(args).toContain('expr:gte(t,n_forced*4)')
    expect(args[args.indexOf('-g') + 1]).toBe('120')
    expect(args[args.indexOf('-sc_threshold') + 1]).toBe('0')
  })

  it('maps no audio for a silent source', () => {
    expect(args[args.indexOf('-var_stream_map') + 1]).toBe('v:0,name:240p v:1,name:360p v:2,name:720p')
    expect(args).not.toContain('0:a:0')
  })

  it('refuses a relative input path, which ffmpeg could read as a URL', () => {
    expect(() => hlsArguments({ source: 'http://example.test/a.mp4', probe, renditions: planLadder(probe), maxSeconds: 1800 })).toThrow(/absolute/)
  })
})

describe('playlists', () => {
  it('reads segments, the init segment and bandwidths', () => {
    const media = readMediaPlaylist('#EXTM3U\n#EXT-X-MAP:URI="init_1.mp4"\n#EXTINF:4.000000,\nseg_00000.m4s\n#EXTINF:2.5,\nseg_00001.m4s\n#EXT-X-ENDLIST\n')
    expect(media.files).toEqual(['init_1.mp4', 'seg_00000.m4s', 'seg_00001.m4s'])
    expect(playlistSeconds(media)).toBe(6.5)
    const master = readMasterBandwidths('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=400400,RESOLUTION=426x240\n240p/index.m3u8\n')
    expect(master.get('240p/index.m3u8')).toBe(400400)
  })
})
