import { describe, expect, it } from 'vitest'
import { demoteHeadings, jsonForScript } from './html.ts'

describe('html helpers', () => {
  it('demotes headings without touching text or other tags', () => {
    expect(demoteHeadings('<h2>为什么重要</h2><p>h2 不变</p><h3 id="a">做法</h3><hr>')).toBe('<h3>为什么重要</h3><p>h2 不变</p><h4 id="a">做法</h4><hr>')
  })

  it('keeps JSON-LD from closing its script element', () => {
    const json = jsonForScript({ name: '</script><script>alert(1)</script>' })
    expect(json).not.toContain('</script>')
    expect(JSON.parse(json).name).toBe('</script><script>alert(1)</script>')
  })
})
