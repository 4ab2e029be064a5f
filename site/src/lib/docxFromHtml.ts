import { sanitizeSectionHtml } from '@gongyu/contract/server'
import type { ChildNode, Element } from 'domhandler'
import { type ParagraphChild, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { parseDocument } from 'htmlparser2'

/** A block of a Word document: a paragraph or a table. */
export type DocxBlock = Paragraph | Table

interface RunStyle {
  bold?: boolean
  italics?: boolean
  underline?: boolean
  strike?: boolean
}

const INLINE_STYLE: Record<string, RunStyle> = {
  strong: { bold: true },
  b: { bold: true },
  th: { bold: true },
  em: { italics: true },
  i: { italics: true },
  u: { underline: true },
  s: { strike: true },
}
const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'blockquote', 'hr'])

// XML 1.0 forbids most control characters and unpaired surrogates; one of them from the CMS would make Word refuse
// the whole file. The docx library escapes markup characters itself.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Text as Word may store it: characters XML cannot carry are dropped. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '')
}

/** A text run with the given style; `underline` is Word's single underline. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text: xmlText(text), bold: style.bold, italics: style.italics, strike: style.strike, underline: style.underline ? {} : undefined })
}

function isBlock(node: ChildNode): boolean {
  return node.type === 'tag' && BLOCK_TAGS.has(node.name)
}

/** A piece of inline content: styled text or a line break. */
type Piece = { text: string; style: RunStyle } | { lineBreak: true }

function inlinePieces(nodes: ChildNode[], style: RunStyle): Piece[] {
  return nodes.flatMap((node): Piece[] => {
    if (node.type === 'text') return [{ text: node.data.replace(/\s+/g, ' '), style }]
    if (node.type !== 'tag') return []
    if (node.name === 'br') return [{ lineBreak: true }]
    // Images cannot be fetched at build time from here; their description stands in for them.
    if (node.name === 'img') return node.attribs.alt ? [{ text: `［图：${node.attribs.alt}］`, style }] : []
    return inlinePieces(node.children, { ...style, ...INLINE_STYLE[node.name] })
  })
}

/** Word runs for one block's inline content, without white space at its two ends (HTML shows none there either). */
function inlineRuns(nodes: ChildNode[], style: RunStyle): ParagraphChild[] {
  const pieces = inlinePieces(nodes, style)
  const first = pieces[0]
  if (first && 'text' in first) pieces[0] = { ...first, text: first.text.trimStart() }
  const last = pieces.at(-1)
  if (last && 'text' in last) pieces[pieces.length - 1] = { ...last, text: last.text.trimEnd() }
  return pieces.flatMap((piece) => {
    if ('lineBreak' in piece) return [new TextRun({ break: 1 })]
    return piece.text ? [run(piece.text, piece.style)] : []
  })
}

interface Context {
  style: RunStyle
  listLevel: number
}

function paragraphOf(children: ParagraphChild[], options: { heading?: number; bullet?: number; prefix?: string; indentLevel?: number } = {}): Paragraph {
  const prefix = options.prefix ? [run(options.prefix)] : []
  return new Paragraph({
    children: [...prefix, ...children],
    heading: options.heading ? (`Heading${Math.min(options.heading, 6)}` as 'Heading1') : undefined,
    bullet: options.bullet !== undefined ? { level: options.bullet } : undefined,
    indent: options.indentLevel ? { left: 420 * options.indentLevel } : undefined,
  })
}

function listBlocks(list: Element, context: Context): DocxBlock[] {
  const ordered = list.name === 'ol'
  let number = ordered ? Number.parseInt(list.attribs.start ?? '1', 10) || 1 : 0
  return list.children.flatMap((item) => {
    if (item.type !== 'tag' || item.name !== 'li') return []
    // The item's own line is its leading inline content (or its first paragraph); what follows sits indented under it.
    const firstBlock = item.children.findIndex(isBlock)
    let rest = firstBlock === -1 ? [] : item.children.slice(firstBlock)
    let runs = inlineRuns(firstBlock === -1 ? item.children : item.children.slice(0, firstBlock), context.style)
    const [next] = rest
    if (runs.length === 0 && next?.type === 'tag' && next.name === 'p') {
      runs = inlineRuns(next.children, context.style)
      rest = rest.slice(1)
    }
    const own = ordered ? paragraphOf(runs, { prefix: `${'　'.repeat(context.listLevel)}${number++}. ` }) : paragraphOf(runs, { bullet: context.listLevel })
    return [own, ...blocksOf(rest, { ...context, listLevel: context.listLevel + 1 })]
  })
}

function span(value: string | undefined): number | undefined {
  const number = Number(value)
  return Number.isInteger(number) && number > 1 && number <= 100 ? number : undefined
}

function tableOf(table: Element, context: Context): Table | undefined {
  const rows: { row: Element; header: boolean }[] = []
  const collect = (parent: Element, header: boolean) => {
    for (const child of parent.children) {
      if (child.type !== 'tag') continue
      if (child.name === 'tr') rows.push({ row: child, header })
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') collect(child, child.name === 'thead')
    }
  }
  collect(table, false)
  const tableRows = rows
    .map(({ row, header }) => {
      const cells = row.children.filter((cell): cell is Element => cell.type === 'tag' && (cell.name === 'td' || cell.name === 'th'))
      if (cells.length === 0) return undefined
      return new TableRow({
        tableHeader: header,
        children: cells.map((cell) => {
          const style = cell.name === 'th' ? { ...context.style, bold: true } : context.style
          const content = blocksOf(cell.children, { ...context, style })
          // Word needs a paragraph in every cell; an empty one leaves room to write in.
          return new TableCell({
            children: content.length > 0 ? content : [new Paragraph({})],
            columnSpan: span(cell.attribs.colspan),
            rowSpan: span(cell.attribs.rowspan),
          })
        }),
      })
    })
    .filter((row): row is TableRow => row !== undefined)
  if (tableRows.length === 0) return undefined
  return new Table({ rows: tableRows, width: { size: 100, type: WidthType.PERCENTAGE } })
}

function blocksOf(nodes: ChildNode[], context: Context): DocxBlock[] {
  const blocks: DocxBlock[] = []
  let inline: ChildNode[] = []
  const flush = () => {
    const runs = inlineRuns(inline, context.style)
    if (runs.length > 0) blocks.push(paragraphOf(runs, { indentLevel: context.listLevel }))
    inline = []
  }
  for (const node of nodes) {
    if (!isBlock(node) || node.type !== 'tag') {
      inline.push(node)
      continue
    }
    flush()
    const heading = /^h([1-6])$/.exec(node.name)
    if (heading) blocks.push(paragraphOf(inlineRuns(node.children, context.style), { heading: Number(heading[1]) + 1 }))
    else if (node.name === 'p') blocks.push(paragraphOf(inlineRuns(node.children, context.style), { indentLevel: context.listLevel }))
    else if (node.name === 'ul' || node.name === 'ol') blocks.push(...listBlocks(node, context))
    else if (node.name === 'table') {
      const table = tableOf(node, context)
      if (table) blocks.push(table, new Paragraph({}))
    } else if (node.name === 'hr') blocks.push(new Paragraph({ thematicBreak: true }))
    else blocks.push(...blocksOf(node.children, context))
  }
  flush()
  return blocks
}

/**
 * Word blocks for a section's HTML (the CMS's published HTML, sanitized
 * again here): paragraphs, headings one level under the section's own,
 * lists, bold and italics, and tables with their header rows repeated on
 * each page. Text is decoded from the HTML and written as text.
 */
export function docxBlocksFromHtml(html: string): DocxBlock[] {
  const document = parseDocument(sanitizeSectionHtml(html))
  return blocksOf(document.children, { style: {}, listLevel: 0 })
}
