import type { PublicCourseList, PublicOrganization } from '@gongyu/contract'
import { describe, expect, it } from 'vitest'
import { cspOrigin, embedHeaderRules, frameAncestors, netlifyHeaders } from './embedHeaders.ts'

const organization = (allowedOrigins: string[]): PublicOrganization => ({
  slug: 'org-a',
  name: '甲',
  type: 'school',
  region: '',
  description: '',
  allowedOrigins,
})
const list: PublicCourseList = { slug: 'list-a', title: '清单', description: '', organization: 'org-a', items: [], publishedAt: '' }

describe('embed headers', () => {
  it('let only bare http(s) origins into frame-ancestors', () => {
    expect(cspOrigin('https://school.example.cn')).toBe('https://school.example.cn')
    expect(cspOrigin(' https://school.example.cn/ ')).toBe('https://school.example.cn')
    expect(cspOrigin('http://localhost:8080')).toBe('http://localhost:8080')
    for (const hostile of [
      'https://a.example; script-src *',
      'https://a.example\r\nSet-Cookie: x=1',
      'https://a.example\tb',
      "'unsafe-inline'",
      '*',
      'https://*.example.cn',
      'javascript:alert(1)',
      'https://a.example/page',
      'https://user:pw@a.example',
      'data:text/html,x',
      'school.example.cn',
    ]) {
      expect(cspOrigin(hostile), hostile).toBeNull()
    }
    expect(frameAncestors(organization(['https://a.example', 'https://a.example/', 'bad value']))).toEqual(["'self'", 'https://a.example'])
    expect(frameAncestors(undefined)).toEqual(["'self'"])
  })

  it('give feeds and widget files CORS, versioned files a year’s cache, and each list’s embed page its own frame-ancestors', () => {
    const rules = embedHeaderRules({ organizations: [organization(['https://school.example.cn'])], courseLists: [list, { ...list, slug: '../x' }] }, [
      '/widgets/v1/gongyu-widgets.0123456789.js',
    ])
    const find = (rulePath: string) => rules.find((rule) => rule.path === rulePath)?.headers
    expect(find('/feeds/*')?.['access-control-allow-origin']).toBe('*')
    expect(find('/zh-hant/feeds/*')?.['access-control-allow-origin']).toBe('*')
    expect(find('/widgets/v1/gongyu-widgets.0123456789.js')?.['cache-control']).toContain('immutable')
    for (const prefix of ['', '/zh-hant']) {
      expect(find(`${prefix}/embed/course-lists/list-a/*`)?.['content-security-policy']).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self' https://school.example.cn",
      )
      expect(find(`${prefix}/embed/grades/*`)?.['content-security-policy']).not.toContain('frame-ancestors')
    }
    expect(rules.some((rule) => rule.path.includes('..'))).toBe(false)
    for (const rule of rules) for (const value of Object.values(rule.headers)) expect(value).not.toMatch(/[\r\n]/)
  })

  it('write a Netlify-style _headers file covering the folder itself and everything below', () => {
    expect(netlifyHeaders([{ path: '/feeds/*', headers: { 'access-control-allow-origin': '*' } }])).toBe(
      '/feeds/\n  access-control-allow-origin: *\n/feeds/*\n  access-control-allow-origin: *\n',
    )
  })
})
