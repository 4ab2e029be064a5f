import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { inputGuardMessage } from './ffmpegMessages'
import { HLS_LAYOUT, hlsArguments, posterArguments } from './hlsArguments'
import { refuseNonVideoContent } from './inputGuard'
import { planLadder, type PlannedRendition } from './ladder'
import { ladderVersion } from './ladderVersion'
import { playlistSeconds, readMasterBandwidths, readMediaPlaylist } from './playlists'
import { probeVideo, type VideoProbe } from './probeVideo'
import { runTool } from './runTool'
import { VideoInputError } from './VideoInputError'
import type { VideoLimits } from './videoLimits'

/** One video rendition as stored on the video document. */
export interface HlsRendition {
  name: string
  width: number
  height: number
  /** BANDWIDTH from the master playlist (video plus audio), bits per second. */
  bandwidth: number
  /** Media playlist, relative to the HLS root folder. */
  playlist: string
  /** Bytes of its init and media segments. */
  bytes: number
}

/** Everything a finished transcode produced; paths are relative to the HLS root folder. */
export interface HlsResult {
  durationSeconds: number
  width: number
  height: number
  hasAudio: boolean
  /** Always true now: each rendition's segments carry the sound, so its bytes include it (false or absent on older ladders). */
  audioInRenditions: boolean
  renditions: HlsRendition[]
  masterPlaylist: string
  audioPlaylist: string | null
  audioBytes: number | null
  posterPath: string
  /** The longest segment, in seconds. */
  longestSegmentSeconds: number
}

export interface TranscodeOptions {
  /** Absolute path of the local source file. */
  source: string
  /** The HLS root folder (`<data>/hls`). */
  hlsRoot: string
  /** This video's folder name inside the root: its stable id. The ladder goes in a versioned folder inside it. */
  folderName: string
  /** Where work folders are made; on the same disk as hlsRoot so the result can be renamed into place. */
  workRoot: string
  limits: VideoLimits
  ffmpeg?: string
  ffprobe?: string
  preset?: string
  /** Receives ffmpeg's raw error output, which holds paths and is for the server log only. */
  log?: (message: string) => void
}

// A source whose output is this much shorter than its stated duration was cut off.
const COMPLETE_FRACTION = 0.9

async function runFfmpeg(ffmpeg: string, args: string[], cwd: string, options: TranscodeOptions): Promise<void> {
  const result = await runTool(ffmpeg, args, { cwd, timeoutMs: options.limits.transcodeTimeoutMs })
  if (result.timedOut) {
    const minutes = Math.max(1, Math.round(options.limits.transcodeTimeoutMs / 60_000))
    throw new VideoInputError(`转码超时（超过 ${minutes} 分钟），已停止。视频可能过长或编码过于复杂，请压缩后重新上传。`)
  }
  if (result.code !== 0) {
    options.log?.(`ffmpeg exited with ${result.code ?? result.signal}: ${result.stderr.trim()}`)
    throw new VideoInputError(`转码失败：${inputGuardMessage(result.stderr)}`)
  }
}

async function bytesOf(folder: string, files: string[]): Promise<number> {
  const sizes = await Promise.all(files.map(async (file) => (await stat(path.join(folder, file))).size))
  return sizes.reduce((sum, size) => sum + size, 0)
}

function checkComplete(probe: VideoProbe, outputSeconds: number, limits: VideoLimits): void {
  if (probe.durationSeconds === null) {
    // The container did not state a duration, so ffmpeg's -t cap is what stopped a long source.
    if (outputSeconds >= limits.maxSeconds - 0.5) {
      throw new VideoInputError(`视频时长超过上限 ${Math.floor(limits.maxSeconds / 60)} 分钟，请剪短后重新上传。`)
    }
    return
  }
  if (outputSeconds < probe.durationSeconds * COMPLETE_FRACTION - 0.5) {
    throw new VideoInputError(
      `视频文件不完整：只能读出 ${outputSeconds.toFixed(1)} 秒，文件标注的时长是 ${probe.durationSeconds.toFixed(1)} 秒。可能是上传中断或导出未完成，请重新导出后上传。`,
    )
  }
}

async function describeOutput(work: string, version: string, probe: VideoProbe, planned: PlannedRendition[], options: TranscodeOptions) {
  const relative = (...parts: string[]) => path.posix.join(options.folderName, version, ...parts)
  const bandwidths = readMasterBandwidths(await readFile(path.join(work, HLS_LAYOUT.master), 'utf8'))
  let longestSegmentSeconds = 0
  let outputSeconds = Number.POSITIVE_INFINITY
  const renditions: HlsRendition[] = []
  for (const rung of planned) {
    const uri = path.posix.join(rung.name, HLS_LAYOUT.playlist)
    const playlist = readMediaPlaylist(await readFile(path.join(work, uri), 'utf8'))
    longestSegmentSeconds = Math.max(longestSegmentSeconds, ...playlist.segmentSeconds)
    outputSeconds = Math.min(outputSeconds, playlistSeconds(playlist))
    renditions.push({
      name: rung.name,
      width: rung.width,
      height: rung.height,
      bandwidth: bandwidths.get(uri) ?? rung.videoBitrate,
      playlist: relative(uri),
      bytes: await bytesOf(path.join(work, rung.name), playlist.files),
    })
  }
  let audioBytes: number | null = null
  if (probe.hasAudio) {
    const uri = path.posix.join(HLS_LAYOUT.audioFolder, HLS_LAYOUT.playlist)
    const playlist = readMediaPlaylist(await readFile(path.join(work, uri), 'utf8'))
    audioBytes = await bytesOf(path.join(work, HLS_LAYOUT.audioFolder), playlist.files)
  }
  checkComplete(probe, outputSeconds, options.limits)
  return {
    durationSeconds: Math.round((probe.durationSeconds ?? outputSeconds) * 1000) / 1000,
    width: probe.width,
    height: probe.height,
    hasAudio: probe.hasAudio,
    audioInRenditions: true,
    renditions,
    masterPlaylist: relative(HLS_LAYOUT.master),
    audioPlaylist: probe.hasAudio ? relative(HLS_LAYOUT.audioFolder, HLS_LAYOUT.playlist) : null,
    audioBytes,
    posterPath: relative(HLS_LAYOUT.poster),
    longestSegmentSeconds,
  } satisfies HlsResult
}

/**
 * Puts the finished work folder in place as `<target>/<version>/` and then
 * removes every other entry of the video's folder (older versions, or a ladder
 * from before versioned folders), so readers never see half a ladder and the
 * old URLs simply stop existing.
 */
async function install(work: string, target: string, version: string): Promise<void> {
  await mkdir(target, { recursive: true, mode: 0o755 })
  const destination = path.join(target, version)
  // The same output again (a re-transcode of an unchanged file): the new copy replaces the old one.
  const previous = `${work}.previous`
  try {
    await rename(destination, previous)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  await rename(work, destination)
  await rm(previous, { recursive: true, force: true })
  for (const entry of await readdir(target)) {
    if (entry !== version) await rm(path.join(target, entry), { recursive: true, force: true })
  }
}

/**
 * Transcodes a local source into an HLS ladder in `<hlsRoot>/<folderName>/<version>/`
 * (ladderVersion.ts: a hash of the output, so its URLs change whenever its content does).
 * The source is checked first (content sniff, then ffprobe with local files
 * and known containers only, then the limits); ffmpeg writes into a fresh
 * work folder that is removed on any failure and renamed into place on success.
 * Input problems throw VideoInputError with a Chinese reason.
 */
export async function transcodeToHls(options: TranscodeOptions): Promise<HlsResult> {
  if (!/^[A-Za-z0-9_-]+$/.test(options.folderName)) throw new Error(`unsafe HLS folder name: ${options.folderName}`)
  await refuseNonVideoContent(options.source)
  const probe = await probeVideo(options.source, options.limits, options.ffprobe)
  const planned = planLadder(probe)
  const work = await mkdtemp(path.join(options.workRoot, `${options.folderName}-`))
  let installed = false
  try {
    const ffmpeg = options.ffmpeg ?? 'ffmpeg'
    await runFfmpeg(
      ffmpeg,
      hlsArguments({ source: options.source, probe, renditions: planned, maxSeconds: options.limits.maxSeconds, preset: options.preset }),
      work,
      options,
    )
    await runFfmpeg(ffmpeg, posterArguments(options.source, probe, planned.at(-1) as PlannedRendition), work, options)
    const version = await ladderVersion(work)
    const result = await describeOutput(work, version, probe, planned, options)
    // mkdtemp makes a private folder; the site build and static servers need to read it.
    await chmod(work, 0o755)
    await install(work, path.join(options.hlsRoot, options.folderName), version)
    installed = true
    return result
  } finally {
    if (!installed) await rm(work, { recursive: true, force: true })
  }
}
