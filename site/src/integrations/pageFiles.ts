import { readdirSync } from 'node:fs'
import path from 'node:path'

/** One built HTML page: its file and the URL path it is served at. */
export interface PageFile {
  file: string
  /** `/lessons/x/` for `lessons/x/index.html`; `/404.html` for other HTML files. */
  route: string
}

/** Every HTML file under `root`, except those under `skip` (top-level folder names). */
export function listPages(root: string, skip: string[] = []): PageFile[] {
  const pages: PageFile[] = []
  const walk = (directory: string, prefix: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (prefix === '/' && skip.includes(entry.name)) continue
        walk(path.join(directory, entry.name), `${prefix}${entry.name}/`)
      } else if (entry.name.endsWith('.html')) {
        pages.push({ file: path.join(directory, entry.name), route: entry.name === 'index.html' ? prefix : `${prefix}${entry.name}` })
      }
    }
  }
  walk(root, '/')
  return pages.sort((a, b) => a.route.localeCompare(b.route))
}
