import { describe, expect, it } from 'vitest'
import { normalizedPath } from '../../site/scripts/staticServer.mjs'

// Header rules (frame-ancestors of embed pages) are matched on this path; every spelling of a page must give the same one.
describe('the static server’s normalized request path', () => {
  it('collapses slashes, resolves dot segments and decodes, so no spelling dodges a header rule', () => {
    const canonical = '/embed/course-lists/list-a/'
    for (const spelling of [
      '/embed/course-lists/list-a/',
      '/embed//course-lists/list-a/',
      '//embed/course-lists//list-a//',
      '/embed/./course-lists/list-a/',
      '/embed/grades/../course-lists/list-a/',
      '/embed%2Fcourse-lists%2Flist-a/',
      '/embed/course-lists/list-a/?count=3',
      '/embed\\course-lists\\list-a/',
      'http://gongyu.example.cn//embed//course-lists/list-a/',
    ]) {
      expect(normalizedPath(spelling), spelling).toBe(canonical)
    }
  })

  it('never climbs above the root, and refuses malformed escapes', () => {
    expect(normalizedPath('/../../etc/passwd')).toBe('/etc/passwd')
    expect(normalizedPath('/%2e%2e/%2e%2e/etc/passwd')).toBe('/etc/passwd')
    expect(() => normalizedPath('/%E4%BD')).toThrow(URIError)
  })
})
