import { readFileSync, statSync } from 'node:fs'
import type { Loader } from 'astro/loaders'
import { type PublishedContent, publishedContentSchema } from '@gongyu/contract'
import { readSiteConfig } from '../config.ts'
import { missingExportMessage } from './exportLocation.ts'

/** The parts of the export that become content collections. */
export type PublishedPart = 'records' | 'themes' | 'organizations' | 'courseLists' | 'places'

interface ReadExport {
  file: string
  mtimeMs: number
  content: PublishedContent
}

// Astro loads this module twice in one process (content.config.ts through Vite, the integrations natively):
// a process-wide slot lets both share one parse and one check of the export.
const CACHE = Symbol.for('gongyu.site.publishedContent')
const slot = globalThis as { [CACHE]?: ReadExport }

/** Reads and checks the export once per build, however many collections and integrations ask for it. */
export function readPublishedContent(file = readSiteConfig().exportFile): PublishedContent {
  let mtimeMs: number
  try {
    mtimeMs = statSync(file).mtimeMs
  } catch {
    throw new Error(missingExportMessage(file))
  }
  const cached = slot[CACHE]
  if (cached?.file === file && cached.mtimeMs === mtimeMs) return cached.content
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`导出文件 ${file} 无法读取或不是有效的 JSON（${(error as Error).message}）。请重新运行 npm run export。`)
  }
  // The contract's own schema: the same check the CMS's export passes, so an export from an older CMS stops here.
  const parsed = publishedContentSchema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.map(String).join('.') || '（根）'}：${issue.message}`)
    throw new Error(`导出文件 ${file} 不符合已发布内容的格式（${problems.join('；')}）。请用当前版本的 CMS 重新运行 npm run export。`)
  }
  const content = parsed.data
  slot[CACHE] = { file, mtimeMs, content }
  return content
}

function idOf(part: PublishedPart, item: Record<string, unknown>): string {
  return String(part === 'records' ? item.id : item.slug)
}

/**
 * A content loader over the CMS's published export (`published.json`).
 * The site never talks to the CMS: it builds from this file, so a build sees
 * exactly what the CMS let anonymous visitors read, and nothing else.
 * The `records` collection checks the export but stores nothing: read the
 * records through loadCatalog (catalog.ts), not getCollection('records').
 */
export function publishedLoader(part: PublishedPart): Loader {
  return {
    name: `gongyu-published-${part}`,
    load: async ({ store, generateDigest, logger }) => {
      // readPublishedContent has checked every item with the contract schema the collection names,
      // so parseData (the same schema again, item by item) would only repeat that work.
      const content = readPublishedContent()
      const items = (content[part] ?? []) as unknown as Record<string, unknown>[]
      store.clear()
      // The records are most of the export (3.8 MB at 462): in the store they would be serialized, bundled into the build
      // and parsed back for every build. Pages read them from readPublishedContent (catalog.ts), so the collection stays empty;
      // loading it still checks the export before anything is built.
      if (part !== 'records') for (const item of items) store.set({ id: idOf(part, item), data: item, digest: generateDigest(item) })
      logger.info(`${part}: ${items.length}（导出于 ${content.generatedAt}）`)
    },
  }
}
