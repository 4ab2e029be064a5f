/** Reads a positive number from the environment, or the fallback when unset. */
export function positiveNumberSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  // A typo here would silently lift a safety limit, so refuse to start instead.
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}
