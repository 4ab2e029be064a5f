import { describe, expect, it } from 'vitest'
import { READING_SCRIPT_HASH } from '../lib/readingComfort.ts'
import { cmsOrigin, meilisearchOrigin, siteHeaderRule, sitePageCsp } from './securityHeaders.ts'

describe('the site’s security headers', () => {
  it('allow scripts, styles and connections from the site itself only, and no framing by other sites', () => {
    const csp = sitePageCsp()
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain(`script-src 'self' ${READING_SCRIPT_HASH};`)
    expect(csp).toContain("connect-src 'self';")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toMatch(/frame-ancestors 'self'$/)
    expect(csp).not.toMatch(/unsafe-(inline|eval)/)
  })

  it('leave frame-ancestors out of the <meta> copy, where browsers ignore it', () => {
    expect(sitePageCsp({ forMetaTag: true })).not.toContain('frame-ancestors')
  })

  it('add the Meilisearch origin to connect-src only when the build has a host and a search key', () => {
    expect(meilisearchOrigin({ MEILI_HOST: 'https://search.example.cn/', MEILI_SEARCH_KEY: 'k' })).toBe('https://search.example.cn')
    expect(meilisearchOrigin({ MEILI_HOST: 'https://search.example.cn' })).toBeNull()
    expect(meilisearchOrigin({ MEILI_HOST: "https://x.example'; script-src *", MEILI_SEARCH_KEY: 'k' })).toBeNull()
    expect(meilisearchOrigin({ MEILI_HOST: 'not a url', MEILI_SEARCH_KEY: 'k' })).toBeNull()
    const rule = siteHeaderRule({ MEILI_HOST: 'http://127.0.0.1:7700', MEILI_SEARCH_KEY: 'k' })
    expect(rule.path).toBe('/*')
    expect(rule.headers['content-security-policy']).toContain("connect-src 'self' http://127.0.0.1:7700;")
    expect(rule.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  })

  it('add the CMS origin to connect-src when the build knows the CMS (needs signals, issue 17)', () => {
    expect(cmsOrigin({ GONGYU_CMS_URL: 'https://cms.example.cn/admin' })).toBe('https://cms.example.cn')
    expect(cmsOrigin({})).toBeNull()
    expect(cmsOrigin({ GONGYU_CMS_URL: "https://x.example'; script-src *" })).toBeNull()
    const rule = siteHeaderRule({ GONGYU_CMS_URL: 'https://cms.example.cn', MEILI_HOST: 'https://search.example.cn', MEILI_SEARCH_KEY: 'k' })
    expect(rule.headers['content-security-policy']).toContain("connect-src 'self' https://search.example.cn https://cms.example.cn;")
  })
})
