// The site runner (package export `@gongyu/site/runner`): builds the site from the CMS export and
// serves it. `npm start` runs it beside the CMS with --watch (scripts/start.ts at the repository
// root); `npm run serve --workspace site` runs it alone.
//
// With --watch it is the last step of the publish path: an editor publishes → the CMS queues an
// `exportPublishedContent` job → the job rewrites `published.json` (by renaming a new file over
// it) → this runner sees the new file and rebuilds → the new pages are served. The export job is
// already debounced by the CMS's job queue, so one watcher and a short settle time suffice here.
import { existsSync, renameSync, rmSync, watch } from 'node:fs'
import path from 'node:path'
import { readSiteConfig } from '../src/config.ts'
import { missingExportMessage } from '../src/content/exportLocation.ts'
import { buildSite, siteRoot } from './buildSite.ts'
import { createStaticServer } from './staticServer.ts'

/** A new export is built after this quiet time, so the write-then-rename of one export gives one build. */
const SETTLE_MS = 1000
const config = readSiteConfig()
// GONGYU_SITE_PORT (default 4321) is read here: it concerns only this runner, not the build.
const port = Number(process.env.GONGYU_SITE_PORT ?? 4321)
const watching = process.argv.includes('--watch')
const live = path.resolve(siteRoot, config.outDir)
const next = `${live}-next`
const exportFile = config.exportFile

/** Builds into a side folder and swaps it in, so visitors never see a half-written site. */
async function rebuild(reason: string): Promise<void> {
  console.log(`[网站] ${reason}，开始构建……`)
  rmSync(next, { recursive: true, force: true })
  const { seconds } = await buildSite({ outDir: next })
  const old = `${live}-old`
  rmSync(old, { recursive: true, force: true })
  if (existsSync(live)) renameSync(live, old)
  renameSync(next, live)
  rmSync(old, { recursive: true, force: true })
  console.log(`[网站] 构建完成，用时 ${seconds.toFixed(1)} 秒：http://localhost:${port}/`)
}

let timer: NodeJS.Timeout | undefined
let running: Promise<void> = Promise.resolve()
let pending = false

/** One build at a time; an export written during a build gives exactly one more build after it. */
function scheduleRebuild(): void {
  clearTimeout(timer)
  timer = setTimeout(() => {
    if (pending) return
    pending = true
    running = running.then(async () => {
      pending = false
      await rebuild('已发布内容导出有更新').catch((error: Error) => console.error(`[网站] ${error.message}`))
    })
  }, SETTLE_MS)
}

if (!existsSync(exportFile)) {
  console.error(`[网站] ${missingExportMessage(exportFile)}`)
  process.exit(1)
}
await rebuild('启动')
createStaticServer({ root: () => live })
  .on('error', (error) => {
    console.error(`[网站] 无法在端口 ${port} 上提供网站：${error.message}。可以用 GONGYU_SITE_PORT 换一个端口。`)
    process.exit(1)
  })
  .listen(port, () => console.log(`[网站] 家长网站：http://localhost:${port}/`))

if (watching) {
  // Watch the folder, not the file: the export job replaces the file by renaming a new one over it.
  watch(path.dirname(exportFile), (_event, name) => {
    if (name === path.basename(exportFile)) scheduleRebuild()
  })
  console.log(`[网站] 正在监视 ${exportFile}：CMS 的导出任务写入新的导出文件后自动重新构建。`)
}
