/** How the anonymous endpoint limits each client; read once from the environment. */
export interface AnonymousWriteSettings {
  /** Writes one client address may make per window (`GONGYU_ANONYMOUS_WRITES_PER_CLIENT`, default 600). */
  perClient: number
  /** The window in seconds (`GONGYU_ANONYMOUS_WRITE_WINDOW_SECONDS`, default 600). */
  windowSeconds: number
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
  return {
    perClient: positiveInteger('GONGYU_ANONYMOUS_WRITES_PER_CLIENT', env.GONGYU_ANONYMOUS_WRITES_PER_CLIENT, 600),
    windowSeconds: positiveInteger('GONGYU_ANONYMOUS_WRITE_WINDOW_SECONDS', env.GONGYU_ANONYMOUS_WRITE_WINDOW_SECONDS, 600),
  }
}
