import type { SerializedTableCellNode, SerializedTableNode, SerializedTableRowNode } from '@payloadcms/richtext-lexical'
import type { HTMLConverters } from '@payloadcms/richtext-lexical/html'
import type { SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'

// Lexical's TableCellHeaderStates: a bit for a row header (a heading of a column) and one for a column header.
const ROW_HEADER = 1
const COLUMN_HEADER = 2

function isHeaderRow(row: SerializedLexicalNode): boolean {
  const cells = (row as SerializedTableRowNode).children ?? []
  return cells.length > 0 && cells.every((cell) => ((cell as SerializedTableCellNode).headerState & ROW_HEADER) !== 0)
}

/** A span attribute from a stored number: only whole numbers from 2 to 100 are written, so nothing else reaches the HTML. */
function span(name: 'colspan' | 'rowspan', value: unknown): string {
  return typeof value === 'number' && Number.isInteger(value) && value > 1 && value <= 100 ? ` ${name}="${value}"` : ''
}

/**
 * Lexical tables as plain semantic HTML: leading header rows in `<thead>`
 * (so a printed table repeats them on each page and screen readers name
 * the columns), `<th scope>` for header cells, and no inline styles, since
 * the site styles tables for print and narrow screens itself. Payload's own
 * converter puts every row in `<tbody>` with inline borders. Cell contents
 * come from the other converters, which escape text.
 */
export const tableHtmlConverter: Pick<HTMLConverters, 'table' | 'tablerow' | 'tablecell'> = {
  table: ({ node, nodesToHTML }) => {
    const rows = (node as SerializedTableNode).children ?? []
    let headerCount = 0
    while (headerCount < rows.length - 1 && isHeaderRow(rows[headerCount] as SerializedLexicalNode)) headerCount += 1
    const head = nodesToHTML({ nodes: rows.slice(0, headerCount) }).join('')
    const body = nodesToHTML({ nodes: rows.slice(headerCount) }).join('')
    return `<table>${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table>`
  },
  tablerow: ({ node, nodesToHTML }) => `<tr>${nodesToHTML({ nodes: (node as SerializedTableRowNode).children ?? [] }).join('')}</tr>`,
  tablecell: ({ node, nodesToHTML }) => {
    const cell = node as SerializedTableCellNode
    const state = typeof cell.headerState === 'number' ? cell.headerState : 0
    const spans = span('colspan', cell.colSpan) + span('rowspan', cell.rowSpan)
    // A cell holds paragraphs; a single one is unwrapped so cells stay one line high when printed.
    let inner = nodesToHTML({ nodes: cell.children ?? [] }).join('')
    const single = /^<p>((?:(?!<p[\s>]).)*)<\/p>$/s.exec(inner)
    if (single) inner = single[1] ?? ''
    if (state & ROW_HEADER) return `<th scope="col"${spans}>${inner}</th>`
    if (state & COLUMN_HEADER) return `<th scope="row"${spans}>${inner}</th>`
    return `<td${spans}>${inner}</td>`
  },
}
