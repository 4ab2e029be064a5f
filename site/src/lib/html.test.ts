import { describe, expect, it } from 'vitest'
import { demoteHeadings, jsonForScript, sectionBodyHtml } from './html.ts'

describe('html helpers', () => {
  it('demotes headings without touching text or other tags', () => {
    expect(demoteHeadings('<h2>为什么重要</h2><p>h2 不变</p><h3 id="a">做法</h3><hr>')).toBe('<h3>为什么重要</h3><p>h2 不变</p><h4 id="a">做法</h4><hr>')
  })

  it('wraps each table in a named scrolling region and sanitizes the section first', () => {
    const html = sectionBodyHtml('<h2>记录表</h2><table onclick="x"><tbody><tr><td>第1天<script>alert(1)</script></td></tr></tbody></table><p>完</p>')
    expect(html).toBe(
      '<h3>记录表</h3><div class="table-scroll" role="region" aria-label="表格（可左右滑动）" tabindex="0"><table><tbody><tr><td>第1天</td></tr></tbody></table></div><p>完</p>',
    )
    expect(sectionBodyHtml('<ul><li><table><tr><td>格</td></tr></table></li></ul>')).toContain('<li><div class="table-scroll"')
  })

  it('keeps JSON-LD from closing its script element', () => {
    const json = jsonForScript({ name: '</script><script>alert(1)</script>' })
    expect(json).not.toContain('</script>')
    expect(JSON.parse(json).name).toBe('</script><script>alert(1)</script>')
  })
})
