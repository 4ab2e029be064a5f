/**
 * The address a request came from, as the key for per-client limits.
 *
 * A Next.js route handler never sees the socket: Next copies the socket
 * address into `X-Forwarded-For` only when the request has none (its base
 * server sets the header with `??=`). So the last entry is the socket address
 * for a direct client that sends no header, and the address our proxy saw
 * when one sets or appends to the header. Only behind such a proxy
 * (`GONGYU_TRUST_PROXY=1`) is it unforgeable; without one a direct client can
 * write its own header, so the login throttle adds a ceiling over all clients.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return forwarded.at(-1)?.toLowerCase() ?? 'unknown'
}
