import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import render from 'dom-serializer'
import { build } from 'esbuild'
import { DomUtils, parseDocument } from 'htmlparser2'
import { siteRoot } from './buildSite.ts'

/** The classic-script copy of the search element, at the pack's root. */
export const OFFLINE_SEARCH_SCRIPT = 'offline-search.js'

/** The search pages of a pack and the way from each back to its root. */
const SEARCH_PAGES = [
  { file: 'search/index.html', toRoot: '../' },
  { file: 'zh-hant/search/index.html', toRoot: '../../' },
]

function withScript(html: string, src: string): string {
  const document = parseDocument(html, { decodeEntities: false })
  const head = DomUtils.findOne((node) => node.name === 'head', document.children)
  if (!head) throw new Error('离线包的搜索页没有 <head>，无法加入搜索脚本。')
  // Made by the same parser, so the serializer knows the node (src is our own relative path, nothing to escape).
  const [script] = parseDocument(`<script defer src="${src}"></script>`).children
  if (script) DomUtils.appendChild(head, script)
  return render(document, { decodeEntities: false, encodeEntities: false })
}

/**
 * Gives an offline pack search from file://. Chromium runs no module
 * script from a file:// page (Astro's are modules), so the search element
 * is bundled again as one classic script and added to the search pages;
 * the index parts are scripts too (search/src/sharded/scriptPartLoader.ts).
 * Served over a LAN the module copy also loads, and the element is defined
 * once (define.ts).
 */
export async function addOfflineSearch(packFolder: string): Promise<number> {
  await build({
    entryPoints: [path.join(siteRoot, 'src', 'elements', 'gongyu-search', 'define.ts')],
    outfile: path.join(packFolder, OFFLINE_SEARCH_SCRIPT),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  })
  let pages = 0
  for (const page of SEARCH_PAGES) {
    const file = path.join(packFolder, page.file)
    if (!existsSync(file)) continue
    writeFileSync(file, withScript(readFileSync(file, 'utf8'), `${page.toRoot}${OFFLINE_SEARCH_SCRIPT}`))
    pages += 1
  }
  return pages
}
