import type { Payload } from 'payload'
import { ensureSearchKey, MeiliSearchEngine, searchEngineChoice } from '@gongyu/search/server'
import { loadLearnedSynonyms } from '../collections/ContentTasks/learnedSynonyms'
import { writePublishedExport } from '../publishing/writePublishedExport'

/**
 * Rebuilds search from the CMS's published content after a bulk change (a
 * seed) or on request (`npm run search:reindex`): rewrites the export (the
 * site build makes the browser's static index from it), then with
 * MEILI_HOST fills a fresh Meilisearch index, swaps it in and makes sure the
 * browser's search-only key exists. The CMS's own embedded engine rebuilds
 * itself on its next search.
 */
export async function rebuildSearch(payload: Payload, log: (line: string) => void): Promise<void> {
  const started = Date.now()
  const { file, content } = await writePublishedExport(payload)
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1)
  log(`已发布内容已导出：${content.records.length} 条，写入 ${file}，用时 ${seconds()} 秒。`)
  const choice = searchEngineChoice()
  if (choice.kind !== 'meilisearch') return
  // The fresh index's settings carry the synonyms editors accepted, not only the built-in ones.
  await loadLearnedSynonyms(payload)
  const engine = new MeiliSearchEngine(choice.connection)
  await engine.replaceAll(content.records)
  const searchKey = await ensureSearchKey(engine.client, engine.indexUid)
  log(`Meilisearch 索引 ${engine.indexUid} 已重建并切换：${content.records.length} 条，用时 ${seconds()} 秒。`)
  log(`浏览器只读搜索密钥（仅限 ${engine.indexUid}）的 uid：${searchKey.uid}。构建网站时把该密钥设为 MEILI_SEARCH_KEY。`)
}
