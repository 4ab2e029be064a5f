/**
 * The origins, besides the CMS's own, from which a signed-in browser may
 * change data: the public server URL (`PAYLOAD_PUBLIC_SERVER_URL`) and any in
 * `GONGYU_ALLOWED_ORIGINS` (comma-separated, e.g. an admin behind another host
 * name). Payload's `csrf` list and the API request guard both read this.
 */
export function allowedOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = (env.GONGYU_ALLOWED_ORIGINS ?? '').split(',').map((entry) => entry.trim())
  const origins = [env.PAYLOAD_PUBLIC_SERVER_URL ?? '', ...listed].filter(Boolean).map((entry) => {
    // A typo here would silently widen or break the CSRF check, so refuse to start instead.
    if (!URL.canParse(entry)) throw new Error(`GONGYU_ALLOWED_ORIGINS and PAYLOAD_PUBLIC_SERVER_URL must be absolute URLs, got "${entry}"`)
    return new URL(entry).origin
  })
  return [...new Set(origins)]
}
