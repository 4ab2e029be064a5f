import { describe, expect, it } from 'vitest'
import { safeText } from './safeText.ts'
import { httpBase, isItemType, isSlug, siteUrls } from './siteUrls.ts'

describe('URLs a widget may use', () => {
  it('accepts only http(s) bases, and always ends them with a slash', () => {
    expect(httpBase('https://gongyu.example.cn')?.href).toBe('https://gongyu.example.cn/')
    expect(httpBase('../../', 'https://gongyu.example.cn/widgets/v1/gongyu-widgets.abc.js')?.href).toBe('https://gongyu.example.cn/')
    expect(httpBase('http://127.0.0.1:4321/sub?x=1#y')?.href).toBe('http://127.0.0.1:4321/sub/')
    for (const hostile of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '', 'not a url'])
      expect(httpBase(hostile), hostile).toBeNull()
  })

  it('builds links and feed URLs only from checked slugs', () => {
    const base = httpBase('https://gongyu.example.cn/') as URL
    expect(siteUrls.item(base, 'hans', 'lesson', 'p3-05-games-and-phone')).toBe('https://gongyu.example.cn/lessons/p3-05-games-and-phone/')
    expect(siteUrls.item(base, 'hant', 'micro-lesson', 'micro-k1-goodbye')).toBe('https://gongyu.example.cn/zh-hant/micro-lessons/micro-k1-goodbye/')
    expect(siteUrls.listFeed(base, 'hant', 'grade', 'p3')).toBe('https://gongyu.example.cn/zh-hant/feeds/grades/p3.json')
    expect(siteUrls.search(base, 'hans', '玩 手机&x=1')).toBe('https://gongyu.example.cn/search/?q=%E7%8E%A9%20%E6%89%8B%E6%9C%BA%26x%3D1')
    for (const bad of ['../etc', 'a/b', 'javascript:alert(1)', 'A-Upper', '-lead', 'trail-', 'a--b', '', 'x'.repeat(121)]) expect(isSlug(bad), bad).toBe(false)
    expect(isItemType('lesson')).toBe(true)
    expect(isItemType('__proto__')).toBe(false)
    expect(isItemType('constructor')).toBe(false)
  })
})

describe('text from a feed', () => {
  it('loses bidi overrides, isolates and control characters', () => {
    expect(safeText('\u202Eexe.txt\u202C 标题\u2066x\u2069\u200F\u0007')).toBe('exe.txt 标题x')
    expect(safeText(42)).toBe('')
    expect(safeText('很长'.repeat(300), 10)).toHaveLength(10)
  })
})
