import { describe, expect, it } from 'vitest'
import { isPublicUrl, sanitizeSectionHtml } from './sanitizeSectionHtml.ts'

describe('isPublicUrl', () => {
  it('accepts http(s), site-relative paths and fragments', () => {
    for (const url of ['https://example.com/a?b=1', 'HTTP://example.com/', '/lessons/p3-01/', '/api/media/file/a.png', '#part-body'])
      expect(isPublicUrl(url), url).toBe(true)
  })

  it('refuses script schemes, data:, protocol-relative and bare relative URLs', () => {
    const refused = [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
      '//evil.example/',
      '/\\evil.example/',
      'x.png',
      'mailto:a@b.c',
      'https://exa mple.com',
      '',
    ]
    for (const url of refused) expect(isPublicUrl(url), JSON.stringify(url)).toBe(false)
  })
})

describe('sanitizeSectionHtml', () => {
  const cases: [string, string][] = [
    ['<p>正文<script>alert(1)</script></p>', '<p>正文</p>'],
    ['<img src=x onerror=alert(1)>', ''],
    ['<a href="javascript:alert(1)">点我</a>', '<a>点我</a>'],
    ['<a href="jav&#x09;ascript:alert(1)">点我</a>', '<a>点我</a>'],
    ['<a href="&#106;avascript:alert(1)">点我</a>', '<a>点我</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">点我</a>', '<a>点我</a>'],
    ['<a href="//evil.example/">点我</a>', '<a>点我</a>'],
    [
      '<a href="https://example.com/" target="_blank" onclick="alert(1)">外链</a>',
      '<a href="https://example.com/" target="_blank" rel="noopener noreferrer">外链</a>',
    ],
    ['<a href="/lessons/a/" target="_top">站内</a>', '<a href="/lessons/a/">站内</a>'],
    ['<svg onload=alert(1)><script>alert(1)</script></svg>', ''],
    ['<math href="javascript:alert(1)">x</math>', 'x'],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>文字', '文字'],
    ['<p style="text-align:center;background:url(javascript:alert(1))">居中</p>', '<p style="text-align:center">居中</p>'],
    ['<ul class="list-bullet" onclick="x"><li value="2">一</li></ul>', '<ul class="list-bullet"><li value="2">一</li></ul>'],
    ['<img src="/api/media/file/a.png" alt="图" width="4" height="4">', '<img src="/api/media/file/a.png" alt="图" width="4" height="4" />'],
    ['<img src="javascript:alert(1)" alt="图">', ''],
    ['<td style="border: 1px solid #ccc; background-color: red;"><img src=x onerror=alert(1)>">格</td>', '<td>"&gt;格</td>'],
    [
      '<table onclick="x"><thead><tr><th scope="col" colspan="2" onmouseover="x">时间</th></tr></thead><tbody><tr><td rowspan="2" style="width:9999px">8:00</td></tr></tbody></table>',
      '<table><thead><tr><th scope="col" colspan="2">时间</th></tr></thead><tbody><tr><td rowspan="2">8:00</td></tr></tbody></table>',
    ],
    ['<th scope="javascript:alert(1)" colspan="9999">时间</th>', '<th>时间</th>'],
    ['<td colspan="2 onclick=alert(1)" rowspan="-1">格</td>', '<td>格</td>'],
    ['<table><caption>标题</caption><colgroup><col span="9"></colgroup><tr><td>格</td></tr></table>', '<table>标题<tr><td>格</td></tr></table>'],
  ]
  it.each(cases)('%s', (input, expected) => {
    expect(sanitizeSectionHtml(input)).toBe(expected)
  })

  it('is idempotent, so the site can sanitize the export again', () => {
    for (const [input] of cases) {
      const once = sanitizeSectionHtml(input)
      expect(sanitizeSectionHtml(once)).toBe(once)
    }
  })
})
