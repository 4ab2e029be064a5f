// `npm run seed`: loads the starter course bank into the configured database.
import { loadStarterContent } from '@gongyu/seed/load'
import { getPayload } from 'payload'
import config from '../payload.config'

const payload = await getPayload({ config })
try {
  const started = Date.now()
  await loadStarterContent(payload, { log: (line) => console.log(line) })
  console.log(`初始内容导入完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`)
} catch (error) {
  console.error(`\n导入失败：${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await payload.destroy()
}
process.exit()
