// `npm run seed` loads the starter course bank into the configured database.
// With `--if-empty` (used by `npm start`) it only loads into a database that has no lessons yet.
import { loadStarterContent } from '@gongyu/seed/load'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'
import { buildGongyuConfig } from '../buildGongyuConfig'
import { dataDirectory } from '../env/paths'
import { rebuildSearch } from '../search/rebuildSearch'
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from './databaseBusy'
import { seedLogger } from './seedLogger'

let payload: Payload | undefined
try {
  payload = await getPayload({ config: buildGongyuConfig({ logger: seedLogger }) })
  const { totalDocs } = await payload.count({ collection: 'lessons', overrideAccess: true })
  if (process.argv.includes('--if-empty') && totalDocs > 0) {
    console.log(`数据库中已有 ${totalDocs} 节课程，跳过初始内容导入（需要重新导入请运行 npm run seed）。`)
  } else {
    const started = Date.now()
    console.log('正在导入初始课程资源……')
    await loadStarterContent(payload, {
      log: (line) => console.log(line),
      videoCacheDir: path.join(dataDirectory(), 'cache', 'sample-videos'),
    })
    console.log(`初始内容导入完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`)
    // The import skips per-item search sync, so the export and the search index are rebuilt once here.
    await rebuildSearch(payload, (line) => console.log(line))
  }
} catch (error) {
  // SQLite allows one writer, and a running server writes (sessions, jobs, editors' saves): say what to do, in one line.
  console.error(isDatabaseBusy(error) ? DATABASE_BUSY_MESSAGE : `\n导入失败：${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await payload?.destroy()
}
process.exit()
