import { homedir } from 'node:os'
import path from 'node:path'

/** The machine's cache folder for Gongyu's tests: FerretDB's build, the seeded banks, Vitest's record of file durations. */
export function machineCacheRoot(): string {
  return process.env.GONGYU_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'gongyu')
}
