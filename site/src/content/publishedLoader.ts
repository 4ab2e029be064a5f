import { readFileSync, statSync } from 'node:fs'
import type { Loader } from 'astro/loaders'
import type { PublishedContent } from '@gongyu/search/record'
import { missingExportMessage, publishedExportFile } from '../build/exportLocation.ts'

/** The parts of the export that become content collections. */
export type PublishedPart = 'records' | 'themes' | 'organizations' | 'courseLists'

let cached: { file: string; mtimeMs: number; content: PublishedContent } | undefined

/** Reads the export once per build, however many collections ask for it. */
export function readPublishedContent(file = publishedExportFile()): PublishedContent {
  let mtimeMs: number
  try {
    mtimeMs = statSync(file).mtimeMs
  } catch {
    throw new Error(missingExportMessage(file))
  }
  if (cached?.file === file && cached.mtimeMs === mtimeMs) return cached.content
  let content: PublishedContent
  try {
    content = JSON.parse(readFileSync(file, 'utf8')) as PublishedContent
  } catch (error) {
    throw new Error(`导出文件 ${file} 无法读取或不是有效的 JSON（${(error as Error).message}）。请重新运行 npm run export。`)
  }
  if (!Array.isArray(content.records)) throw new Error(`导出文件 ${file} 缺少 records。请用当前版本的 CMS 重新运行 npm run export。`)
  cached = { file, mtimeMs, content }
  return content
}

function idOf(part: PublishedPart, item: Record<string, unknown>): string {
  return String(part === 'records' ? item.id : item.slug)
}

/**
 * A content loader over the CMS's published export (`published.json`).
 * The site never talks to the CMS: it builds from this file, so a build sees
 * exactly what the CMS let anonymous visitors read, and nothing else.
 */
export function publishedLoader(part: PublishedPart): Loader {
  return {
    name: `gongyu-published-${part}`,
    load: async ({ store, parseData, generateDigest, logger }) => {
      const content = readPublishedContent()
      const items = (content[part] ?? []) as unknown as Record<string, unknown>[]
      store.clear()
      for (const item of items) {
        const id = idOf(part, item)
        const data = await parseData({ id, data: item })
        store.set({ id, data, digest: generateDigest(data) })
      }
      logger.info(`${part}: ${items.length}（导出于 ${content.generatedAt}）`)
    },
  }
}
