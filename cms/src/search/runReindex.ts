// `npm run search:reindex`: rebuilds search from the CMS's published content.
// With MEILI_HOST: into a fresh Meilisearch index that is swapped in (no downtime), then makes sure a search-only key exists.
// Without: rewrites the published export and the static browser index beside it.
import path from 'node:path'
import { getPayload } from 'payload'
import { meiliConnectionFromEnv } from '@gongyu/search/engine'
import { MeiliSearchEngine } from '@gongyu/search/meilisearch'
import { ensureSearchKey } from '@gongyu/search/meilisearch/server'
import { writeStaticIndex } from '@gongyu/search/static-index'
import config from '../payload.config'
import { writePublishedExport } from '../publishing/writePublishedExport'

const payload = await getPayload({ config })
try {
  const started = Date.now()
  const { file, content } = await writePublishedExport(payload)
  const connection = meiliConnectionFromEnv()
  if (connection) {
    const engine = new MeiliSearchEngine(connection)
    await engine.replaceAll(content.records)
    const searchKey = await ensureSearchKey(engine.client, engine.indexUid)
    console.log(`Meilisearch 索引 ${engine.indexUid} 已重建并切换：${content.records.length} 条，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`)
    console.log(`浏览器只读搜索密钥（仅限 ${engine.indexUid}）的 uid：${searchKey.uid}。构建网站时把该密钥设为 MEILI_SEARCH_KEY。`)
  } else {
    const index = writeStaticIndex(content.records, path.dirname(file))
    console.log(`内置搜索索引已重建：${content.records.length} 条，${(index.gzipBytes / 1024).toFixed(0)} KB（gzip），写入 ${index.file}。`)
  }
} catch (error) {
  console.error(`重建搜索索引失败：${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await payload.destroy()
}
process.exit()
