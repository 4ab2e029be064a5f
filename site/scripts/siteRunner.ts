// `npm start` runs this beside the CMS (and `npm run serve --workspace site` runs it alone):
// build the site from the CMS export, serve it, and with --watch rebuild when the export changes.
import { existsSync, renameSync, rmSync, watch } from 'node:fs'
import path from 'node:path'
import { missingExportMessage, publishedExportFile } from '../src/build/exportLocation.ts'
import { buildSite, siteRoot } from './buildSite.ts'
import { createStaticServer } from './staticServer.mjs'

const REBUILD_DELAY_MS = 3000
const port = Number(process.env.GONGYU_SITE_PORT ?? 4321)
const watching = process.argv.includes('--watch')
const live = path.resolve(process.env.GONGYU_SITE_OUT_DIR ?? path.join(siteRoot, 'dist'))
const next = `${live}-next`
const exportFile = publishedExportFile()

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

/** Debounced: a burst of publishes (or the export's write-then-rename) gives one build. */
function scheduleRebuild(): void {
  clearTimeout(timer)
  timer = setTimeout(() => {
    if (pending) return
    pending = true
    running = running.then(async () => {
      pending = false
      await rebuild('已发布内容有变化').catch((error: Error) => console.error(`[网站] ${error.message}`))
    })
  }, REBUILD_DELAY_MS)
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
  // Watch the folder, not the file: the CMS replaces the file by renaming a new one over it.
  watch(path.dirname(exportFile), (_event, name) => {
    if (name === path.basename(exportFile)) scheduleRebuild()
  })
  console.log(`[网站] 正在监视 ${exportFile}，内容发布后约 ${REBUILD_DELAY_MS / 1000} 秒自动重新构建。`)
}
