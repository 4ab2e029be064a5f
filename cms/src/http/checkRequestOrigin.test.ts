import { describe, expect, it } from 'vitest'
import { isCrossOriginCookieRequest } from './checkRequestOrigin'

const request = (method: string, headers: Record<string, string>, url = 'http://cms.example:3000/api/lessons') => new Request(url, { method, headers })
const COOKIE = { cookie: 'payload-token=abc' }

describe('isCrossOriginCookieRequest', () => {
  it('flags a write on the cookie from a foreign, opaque or sibling origin', () => {
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { referer: 'https://evil.example/page' },
      { origin: 'http://site.cms.example:3000' },
      { 'sec-fetch-site': 'cross-site' },
      { referer: 'not a url' },
    ]
    for (const headers of foreign) {
      for (const method of ['POST', 'PATCH', 'PUT', 'DELETE', 'post']) {
        expect(isCrossOriginCookieRequest(request(method, { ...COOKIE, ...headers }), []), `${method} ${JSON.stringify(headers)}`).toBe(true)
      }
    }
  })

  it('passes the CMS its own origin, by URL, Host or X-Forwarded-Host, and listed origins', () => {
    expect(isCrossOriginCookieRequest(request('POST', { ...COOKIE, origin: 'http://cms.example:3000' }), [])).toBe(false)
    expect(isCrossOriginCookieRequest(request('POST', { ...COOKIE, referer: 'http://cms.example:3000/admin/collections/lessons' }), [])).toBe(false)
    const proxied = request(
      'POST',
      { ...COOKIE, origin: 'https://cms.example', host: 'cms.example', 'x-forwarded-host': 'cms.example' },
      'http://127.0.0.1:3000/api/lessons',
    )
    expect(isCrossOriginCookieRequest(proxied, [])).toBe(false)
    expect(isCrossOriginCookieRequest(request('POST', { ...COOKIE, origin: 'https://admin.example' }), ['https://admin.example'])).toBe(false)
  })

  it('passes reads, requests without cookies, and clients that send no Origin, Referer or cross-site metadata', () => {
    expect(isCrossOriginCookieRequest(request('GET', { ...COOKIE, origin: 'https://evil.example' }), [])).toBe(false)
    expect(isCrossOriginCookieRequest(request('POST', { authorization: 'JWT x', origin: 'https://evil.example' }), [])).toBe(false)
    expect(isCrossOriginCookieRequest(request('POST', COOKIE), [])).toBe(false)
    expect(isCrossOriginCookieRequest(request('POST', { ...COOKIE, 'sec-fetch-site': 'same-origin' }), [])).toBe(false)
  })
})
