import path from 'node:path'
import type { Payload } from 'payload'
import { meiliConnectionFromEnv } from '@gongyu/search/engine'
import { MeiliSearchEngine } from '@gongyu/search/meilisearch'
import { ensureSearchKey } from '@gongyu/search/meilisearch/server'
import { writeStaticIndex } from '@gongyu/search/static-index'
import { writePublishedExport } from '../publishing/writePublishedExport'

/**
 * Rebuilds search from the CMS's published content after a bulk change (a
 * seed) or on request (`npm run search:reindex`): rewrites the export, then
 * with MEILI_HOST fills a fresh Meilisearch index, swaps it in and makes sure
 * the browser's search-only key exists; without it writes the static index
 * beside the export.
 */
export async function rebuildSearch(payload: Payload, log: (line: string) => void): Promise<void> {
  const started = Date.now()
  const { file, content } = await writePublishedExport(payload)
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1)
  const connection = meiliConnectionFromEnv()
  if (connection) {
    const engine = new MeiliSearchEngine(connection)
    await engine.replaceAll(content.records)
    const searchKey = await ensureSearchKey(engine.client, engine.indexUid)
    log(`Meilisearch 索引 ${engine.indexUid} 已重建并切换：${content.records.length} 条，用时 ${seconds()} 秒。`)
    log(`浏览器只读搜索密钥（仅限 ${engine.indexUid}）的 uid：${searchKey.uid}。构建网站时把该密钥设为 MEILI_SEARCH_KEY。`)
  } else {
    const index = writeStaticIndex(content.records, path.dirname(file))
    log(`内置搜索索引已重建：${content.records.length} 条，${(index.gzipBytes / 1024).toFixed(0)} KB（gzip），写入 ${index.file}，用时 ${seconds()} 秒。`)
  }
}
