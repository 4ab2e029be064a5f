import path from 'node:path'
import type { ChildNode } from 'domhandler'
import render from 'dom-serializer'
import { parseDocument } from 'htmlparser2'

// The attributes that hold a link the browser follows or loads.
const LINK_ATTRIBUTES = ['href', 'src', 'action'] as const

function relativeUrl(url: string, fromDirectory: string): string {
  const end = url.search(/[?#]/)
  const target = end === -1 ? url : url.slice(0, end)
  const suffix = end === -1 ? '' : url.slice(end)
  const file = target.endsWith('/') ? `${target}index.html` : target
  return `${path.posix.relative(fromDirectory, file) || 'index.html'}${suffix}`
}

function relativize(nodes: ChildNode[], fromDirectory: string): void {
  for (const node of nodes) {
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue
    for (const name of LINK_ATTRIBUTES) {
      const url = node.attribs[name]
      if (url?.startsWith('/') && !url.startsWith('//')) node.attribs[name] = relativeUrl(url, fromDirectory)
    }
    relativize(node.children, fromDirectory)
  }
}

/**
 * Rewrites a page's root-absolute links (`/lessons/x/`) into relative ones
 * that name the file (`../x/index.html`), so an offline pack works from any
 * folder of any web server and from a disk opened with file://, where
 * neither `/` nor a folder's index.html resolve. Protocol-relative and
 * absolute URLs are left alone. The page goes through an HTML parser
 * (htmlparser2); entities are kept as written.
 */
export function relativizeLinks(html: string, pageRoute: string): string {
  const fromDirectory = pageRoute.endsWith('/') ? pageRoute : path.posix.dirname(pageRoute)
  const document = parseDocument(html, { decodeEntities: false })
  relativize(document.children, fromDirectory)
  return render(document, { decodeEntities: false, encodeEntities: false })
}
