import type { ChildNode } from 'domhandler'
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

/** JSON for a `<script type="application/ld+json">` block: `<` is escaped so no text can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
