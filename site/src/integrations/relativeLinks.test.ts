import { describe, expect, it } from 'vitest'
import { relativizeLinks } from './relativeLinks.ts'

describe('offline-pack links', () => {
  it('points pages at files relative to the page', () => {
    const html =
      '<a href="/">首页</a><a href="/lessons/x/">x</a><link href="/_astro/a.css"><form action="/search/"></form><script src="/sw-register.js"></script>'
    expect(relativizeLinks(html, '/lessons/y/')).toBe(
      '<a href="../../index.html">首页</a><a href="../x/index.html">x</a><link href="../../_astro/a.css"><form action="../../search/index.html"></form><script src="../../sw-register.js"></script>',
    )
  })

  it('works from the root page and from a plain file, and keeps anchors', () => {
    expect(relativizeLinks('<a href="/activities/#month-6">6月</a>', '/')).toBe('<a href="activities/index.html#month-6">6月</a>')
    expect(relativizeLinks('<a href="/">首页</a>', '/404.html')).toBe('<a href="index.html">首页</a>')
  })

  it('leaves absolute and protocol-relative URLs alone', () => {
    const html = '<link rel="canonical" href="https://gongyu.example.cn/lessons/x/"><img src="//cdn.example/a.png">'
    expect(relativizeLinks(html, '/lessons/x/')).toBe(html)
  })
})
