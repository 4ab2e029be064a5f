import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import type { ChildNode } from 'domhandler'
import { parseDocument } from 'htmlparser2'
import { TRADITIONAL_PREFIX } from './traditional.ts'

/**
 * Pages (besides the offline page) the service worker keeps from the start,
 * in both scripts, with every script they load (issue 16): 我的学习 must open
 * offline even if the parent never opened it online, and a certificate's or a
 * session sheet's QR is often scanned where there is no signal, so the verify
 * and check-in pages (which carry their keys in the page) must open too.
 */
export const PRECACHED_PAGES = ['my-learning/index.html', 'verify/index.html', 'check-in/index.html']

/** The site's own module scripts an HTML page names (`/_astro/…`), as paths inside the build. */
export function pageModuleScripts(html: string): string[] {
  const visit = (nodes: ChildNode[]): string[] =>
    nodes.flatMap((node) => {
      if (node.type === 'script' && node.attribs.src?.startsWith('/_astro/')) return [node.attribs.src.slice(1)]
      return node.type === 'tag' ? visit(node.children) : []
    })
  return visit(parseDocument(html).children)
}

/**
 * The built chunks that `entries` (paths inside `outDir`) load, themselves
 * included, statically or through `import()`. esbuild follows the imports of
 * the built chunks (a bundle that is never written), so no chunk name is
 * guessed from text.
 */
export async function scriptGraph(outDir: string, entries: string[]): Promise<string[]> {
  if (entries.length === 0) return []
  const { metafile } = await build({
    absWorkingDir: outDir,
    entryPoints: entries,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    outdir: 'unused',
    logLevel: 'silent',
  })
  return Object.keys(metafile.inputs).sort()
}

/** The files behind PRECACHED_PAGES that exist in `outDir`: each page, its Traditional copy and every chunk their scripts load. */
export async function precachedPageFiles(outDir: string): Promise<string[]> {
  const pages = PRECACHED_PAGES.flatMap((page) => [page, `${TRADITIONAL_PREFIX.slice(1)}/${page}`]).filter((page) => existsSync(path.join(outDir, page)))
  const entries = [...new Set(pages.flatMap((page) => pageModuleScripts(readFileSync(path.join(outDir, page), 'utf8'))))]
  return [...pages, ...(await scriptGraph(outDir, entries))]
}
