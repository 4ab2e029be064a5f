const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The origin of the page that sent a request (Origin, else Referer); null when opaque or unreadable, undefined when absent. */
function sourceOrigin(headers: Headers): string | null | undefined {
  const origin = headers.get('origin')
  if (origin !== null) return origin !== 'null' && URL.canParse(origin) ? new URL(origin).origin : null
  const referer = headers.get('referer')
  if (referer !== null) return URL.canParse(referer) ? new URL(referer).origin : null
  return undefined
}

/** The host names (with port) this request was addressed to: the URL, Host and the proxy's X-Forwarded-Host. */
function ownHosts(request: Request, protocol: string): Set<string> {
  const hosts = new Set([new URL(request.url).host])
  // A browser cannot set Host or X-Forwarded-Host, so a cross-site page cannot forge a match through them.
  const named = [request.headers.get('host'), request.headers.get('x-forwarded-host')?.split(',')[0]]
  for (const host of named) {
    const candidate = `${protocol}//${host?.trim() ?? ''}`
    if (host && URL.canParse(candidate)) hosts.add(new URL(candidate).host)
  }
  return hosts
}

/**
 * True for a state-changing request that carries cookies and comes from a
 * page on another origin: a browser sent it on a foreign site's behalf
 * (CSRF). SameSite alone does not cover sites on the same registrable
 * domain. Requests without cookies (JWT header, anonymous) cannot ride on a
 * session and pass; so do clients that send no Origin, Referer or
 * cross-site fetch metadata, which browsers always send on cross-site writes.
 */
export function isCrossOriginCookieRequest(request: Request, allowed: readonly string[]): boolean {
  if (!STATE_CHANGING_METHODS.has(request.method.toUpperCase())) return false
  if (!request.headers.get('cookie')) return false
  const source = sourceOrigin(request.headers)
  if (source === undefined) {
    const site = request.headers.get('sec-fetch-site')
    return site === 'cross-site' || site === 'same-site'
  }
  if (source === null) return true
  if (allowed.includes(source)) return false
  const { host, protocol } = new URL(source)
  return !ownHosts(request, protocol).has(host)
}
