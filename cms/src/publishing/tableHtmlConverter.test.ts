import { describe, expect, it } from 'vitest'
import { htmlOf } from './sectionHtml'

const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, children })
const cell = (value: string, headerState = 0, extra: Record<string, unknown> = {}) => ({
  type: 'tablecell',
  version: 1,
  headerState,
  children: [paragraph(...(value ? [text(value)] : []))],
  ...extra,
})
const row = (...cells: unknown[]) => ({ type: 'tablerow', version: 1, children: cells })
const table = (...rows: unknown[]) => ({ type: 'table', version: 1, children: rows })
const bodyOf = (...children: unknown[]) => ({ root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children } })

describe('tables in rich text', () => {
  it('renders a Markdown-style table (header row, then rows) as a table with thead and tbody', () => {
    const html = htmlOf(bodyOf(table(row(cell('时间', 1), cell('做什么', 1)), row(cell('第1天'), cell('')))))
    expect(html).toBe(
      '<table><thead><tr><th scope="col">时间</th><th scope="col">做什么</th></tr></thead><tbody><tr><td>第1天</td><td><br /></td></tr></tbody></table>',
    )
  })

  it('marks column headers as row headings and keeps small whole-number spans only', () => {
    const html = htmlOf(bodyOf(table(row(cell('早上', 2), cell('起床', 0, { colSpan: 2 }), cell('x', 0, { colSpan: 9999, rowSpan: '2" onclick="x' })))))
    expect(html).toBe('<table><tbody><tr><th scope="row">早上</th><td colspan="2">起床</td><td>x</td></tr></tbody></table>')
  })

  it('escapes cell text and keeps several paragraphs in a cell', () => {
    const html = htmlOf(
      bodyOf(
        table(
          row(cell('<script>alert(1)</script>'), { type: 'tablecell', version: 1, headerState: 0, children: [paragraph(text('一')), paragraph(text('二'))] }),
        ),
      ),
    )
    expect(html).toBe('<table><tbody><tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td><p>一</p><p>二</p></td></tr></tbody></table>')
  })
})
