// `npm run export` writes the published-content export that the site build reads.
import { getPayload } from 'payload'
import config from '../payload.config'
import { writePublishedExport } from './writePublishedExport'

const payload = await getPayload({ config })
try {
  const { file, content } = await writePublishedExport(payload)
  console.log(`已导出 ${content.records.length} 条已发布内容、${content.courseLists.length} 个课程清单到 ${file}`)
} catch (error) {
  console.error(`导出失败：${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await payload.destroy()
}
process.exit()
