// `npm run search:reindex`: rebuilds search from the CMS's published content (see rebuildSearch).
import { getPayload } from 'payload'
import config from '../payload.config'
import { rebuildSearch } from './rebuildSearch'

const payload = await getPayload({ config })
try {
  await rebuildSearch(payload, (line) => console.log(line))
} catch (error) {
  console.error(`重建搜索索引失败：${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await payload.destroy()
}
process.exit()
