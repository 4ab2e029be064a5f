import { sanitizeSectionHtml } from '@gongyu/contract/server'
import { type ChildNode, Element, type ParentNode } from 'domhandler'
import render from 'dom-serializer'
import { parseDocument } from 'htmlparser2'

const DEMOTED: Record<string, string> = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' }

function demote(nodes: ChildNode[]): void {
  for (const node of nodes) {
    if (node.type !== 'tag') continue
    node.name = DEMOTED[node.name] ?? node.name
    demote(node.children)
  }
}

/**
 * Moves the CMS's headings one level down (h2 → h3 …), so body HTML sits
 * under the page's own section headings and the outline stays in order.
 * The HTML is the CMS's already-escaped output, read with an HTML parser
 * (htmlparser2) with entities kept as written: only tag names change.
 */
export function demoteHeadings(html: string): string {
  const document = parseDocument(html, { decodeEntities: false })
  demote(document.children)
  return render(document, { decodeEntities: false, encodeEntities: false })
}

// A wide table (a two-week record sheet) scrolls sideways on a 360 px phone instead of widening the page; the region
// is named and focusable so keyboard users can scroll it too (axe: scrollable-region-focusable).
const TABLE_SCROLL = { class: 'table-scroll', role: 'region', 'aria-label': '表格（可左右滑动）', tabindex: '0' }

function wrapTables(parent: ParentNode): void {
  parent.children = parent.children.map((node) => {
    if (node.type !== 'tag') return node
    if (node.name !== 'table') {
      wrapTables(node)
      return node
    }
    const wrapper = new Element('div', { ...TABLE_SCROLL }, [node])
    wrapper.parent = parent
    node.parent = wrapper
    return wrapper
  })
  parent.children.forEach((node, index) => {
    node.prev = parent.children[index - 1] ?? null
    node.next = parent.children[index + 1] ?? null
  })
}

/**
 * Section HTML as a page shows it: sanitized (again: the export is a file
 * anyone with the server can edit), headings demoted under the page's own,
 * and each table in a named, sideways-scrolling region.
 */
export function sectionBodyHtml(html: string): string {
  const document = parseDocument(sanitizeSectionHtml(html), { decodeEntities: false })
  demote(document.children)
  wrapTables(document)
  return render(document, { decodeEntities: false, encodeEntities: false })
}

/** JSON for a `<script type="application/ld+json">` block: `<` is escaped so no text can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
