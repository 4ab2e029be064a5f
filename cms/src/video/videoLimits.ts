import { cmsSettings, type VideoLimits } from '../env/settings'

export type { VideoLimits } from '../env/settings'

/** Reads the video limits from the environment (through the CMS settings), with safe defaults. */
export function videoLimits(env: NodeJS.ProcessEnv = process.env): VideoLimits {
  return cmsSettings(env).video
}

/** A byte count for people: 2 GB, 350 MB, 12 KB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`
}
