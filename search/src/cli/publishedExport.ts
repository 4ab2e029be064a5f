import { existsSync, readFileSync } from 'node:fs'
import type { PublishedContent } from '@gongyu/contract'
import { publishedExportFile } from '@gongyu/contract/server'

/** Reads the export, or explains how to make one. */
export function readPublishedExport(env: NodeJS.ProcessEnv = process.env): PublishedContent {
  const file = publishedExportFile(env)
  if (!existsSync(file)) throw new Error(`找不到已发布内容的导出文件 ${file}。请先运行 npm run export（或 npm start）。`)
  return JSON.parse(readFileSync(file, 'utf8')) as PublishedContent
}
