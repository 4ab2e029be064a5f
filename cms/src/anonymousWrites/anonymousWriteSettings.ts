import { cmsSettings } from '../env/settings'

/** How the anonymous endpoint limits each client; read once from the environment. */
export interface AnonymousWriteSettings {
  /** Writes one client address may make per window (`GONGYU_ANONYMOUS_WRITES_PER_CLIENT`, default 600). */
  perClient: number
  /** The window in seconds (`GONGYU_ANONYMOUS_WRITE_WINDOW_SECONDS`, default 600). */
  windowSeconds: number
  /**
   * Writes all clients together may make per window, or 0 for no ceiling. Without a trusted proxy
   * (`GONGYU_TRUST_PROXY`) a client can write its own X-Forwarded-For and look like many addresses,
   * so the ceiling (`GONGYU_ANONYMOUS_WRITES_ALL_CLIENTS`, default 6,000: ten a second) bounds a flood.
   */
  allClients: number
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} 必须是正整数，现在是「${value}」。`)
  return parsed
}

/**
 * 600 writes per address in 10 minutes: a school's parents share one Wi-Fi
 * address, and a whole parents' meeting (a few hundred parents) answering in
 * the same ten minutes stays under it, while a script sending many answers a
 * second is stopped within seconds (docs/surveys.md).
 */
export function anonymousWriteSettings(env: NodeJS.ProcessEnv = process.env): AnonymousWriteSettings {
  const allClients = positiveInteger('GONGYU_ANONYMOUS_WRITES_ALL_CLIENTS', env.GONGYU_ANONYMOUS_WRITES_ALL_CLIENTS, 6000)
  return {
    perClient: positiveInteger('GONGYU_ANONYMOUS_WRITES_PER_CLIENT', env.GONGYU_ANONYMOUS_WRITES_PER_CLIENT, 600),
    windowSeconds: positiveInteger('GONGYU_ANONYMOUS_WRITE_WINDOW_SECONDS', env.GONGYU_ANONYMOUS_WRITE_WINDOW_SECONDS, 600),
    allClients: cmsSettings(env).trustProxy ? 0 : allClients,
  }
}
