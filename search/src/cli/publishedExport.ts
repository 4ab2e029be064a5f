import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PublishedContent } from '../record/publicRecord.ts'

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** Where the CMS writes its published-content export: the same rule as the CMS (`GONGYU_EXPORT_DIR`, else `published/` in the data directory). */
export function publishedExportFile(env: NodeJS.ProcessEnv = process.env): string {
  const directory = env.GONGYU_EXPORT_DIR ?? path.join(env.GONGYU_DATA_DIR ?? path.join(repositoryRoot, 'data'), 'published')
  return path.resolve(directory, 'published.json')
}

/** Reads the export, or explains how to make one. */
export function readPublishedExport(env: NodeJS.ProcessEnv = process.env): PublishedContent {
  const file = publishedExportFile(env)
  if (!existsSync(file)) throw new Error(`找不到已发布内容的导出文件 ${file}。请先运行 npm run export（或 npm start）。`)
  return JSON.parse(readFileSync(file, 'utf8')) as PublishedContent
}
