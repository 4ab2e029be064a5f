// `npm start` (and `npm run dev` with `--dev`): the CMS and the parents' site side by side.
//
// 1. The CMS (package export `@gongyu/cms/server`): load the starter content into an empty
//    database, make sure a production build of the current code exists (built once, rebuilt only
//    when the code changes), then serve the admin and API with `next start` on HOST (default
//    0.0.0.0, so a school server is reachable by its IP address or host name). `--dev` serves
//    `next dev` instead, on 127.0.0.1 only: the dev server has endpoints (such as opening files
//    in an editor) that must never face a network.
// 2. The site (package export `@gongyu/site/runner`, port GONGYU_SITE_PORT or 4321; `off` leaves
//    it out): the published content is exported once, then the runner builds and serves the site.
//
// The publish path, end to end: an editor publishes → the CMS queues an `exportPublishedContent`
// job (cms/src/hooks/syncPublicSearch.ts) → the CMS's job runner writes `published.json`
// (cms/src/jobs/exportPublishedContent.ts) → the site runner sees the new file and rebuilds
// (site/scripts/siteRunner.ts) → the new pages are served.
//
// The site is static, so it keeps serving when the admin process dies; the admin is then restarted.
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import {
  adminServerCommand,
  cmsSettings,
  deploymentProblems,
  exportPublishedContent,
  loadEnvFiles,
  prepareProductionBuild,
  seedIfEmpty,
} from '@gongyu/cms/server'

/** A crashing admin is restarted after this pause, but not more than MAX_RESTARTS times within RESTART_WINDOW_MS. */
const RESTART_DELAY_MS = 2000
const MAX_RESTARTS = 5
const RESTART_WINDOW_MS = 60_000

loadEnvFiles()
const settings = cmsSettings()
const development = process.argv.includes('--dev')
const host = development ? '127.0.0.1' : settings.host

// Several instances need a shared MongoDB and Meilisearch (cms/src/env/deploymentShape.ts): refuse before touching anything.
const problems = deploymentProblems()
if (problems.length > 0) {
  console.error(`\n后台没有启动。The CMS did not start.\n\n${problems.join('\n\n')}`)
  process.exit(1)
}

if (!seedIfEmpty()) {
  console.error('\n初始内容导入失败，服务未启动。请查看上面的错误信息。')
  process.exit(1)
}

if (!development) {
  try {
    const build = await prepareProductionBuild()
    if (build === 'reused') console.log('后台代码没有变化，使用已有的生产构建。')
  } catch (error) {
    console.error(`\n${(error as Error).message}`)
    process.exit(1)
  }
}

/** Exports the published content and starts the site runner; a site failure never stops the admin. */
function startSite(): ChildProcess | undefined {
  if (settings.sitePort === 'off') return undefined
  if (!exportPublishedContent()) {
    console.error('\n已发布内容导出失败，家长网站没有启动；后台照常运行。')
    return undefined
  }
  const runner = fileURLToPath(import.meta.resolve('@gongyu/site/runner'))
  const child = spawn(process.execPath, [runner, '--watch'], { stdio: 'inherit', env: process.env })
  child.on('exit', (code) => {
    if (code) console.error(`\n家长网站已停止（退出码 ${code}），后台照常运行。`)
    exitWhenNothingRuns()
  })
  return child
}

const shownHost = host === '0.0.0.0' ? 'localhost' : host
console.log(`\n共育课程资源库后台：http://${shownHost}:${settings.port}/admin`)
if (host === '0.0.0.0') console.log('（同一局域网的电脑也可以用本机的 IP 地址或主机名访问；设置 HOST=127.0.0.1 则只允许本机访问。）')
if (!settings.firstAdmin) {
  console.log('第一次使用：打开上面的地址，按页面提示创建第一个管理员账号；')
  console.log('或在启动前设置 GONGYU_ADMIN_EMAIL 和 GONGYU_ADMIN_PASSWORD 自动创建。\n')
}

let stopping = false
let restartPending = false
const recentExits: number[] = []

function startAdmin(): ChildProcess {
  const { command, args, cwd, env } = adminServerCommand({ development, host, port: settings.port })
  const child = spawn(command, args, { cwd, env, stdio: 'inherit' })
  child.on('exit', (code, signal) => {
    if (stopping || !site || site.exitCode !== null) {
      // Nothing else to keep up: leave with the admin's exit code, as before the site existed.
      if (!stopping) process.exitCode = code ?? 1
      exitWhenNothingRuns()
      return
    }
    const now = Date.now()
    recentExits.push(now)
    while (recentExits.length > 0 && (recentExits[0] as number) < now - RESTART_WINDOW_MS) recentExits.shift()
    if (recentExits.length > MAX_RESTARTS) {
      console.error(
        `\n后台在 ${RESTART_WINDOW_MS / 1000} 秒内退出了 ${recentExits.length} 次，不再自动重启。家长网站继续运行。请查看上面的错误信息，修复后重新运行 npm start。`,
      )
      return
    }
    console.error(`\n后台进程已退出（${signal ?? `退出码 ${code}`}），家长网站照常运行；${RESTART_DELAY_MS / 1000} 秒后自动重启后台……`)
    restartPending = true
    setTimeout(() => {
      restartPending = false
      if (stopping) exitWhenNothingRuns()
      else admin = startAdmin()
    }, RESTART_DELAY_MS)
  })
  return child
}

const site = startSite()
let admin = startAdmin()

/** Leaves once neither the admin nor the site runs and no restart is waiting. */
function exitWhenNothingRuns(): void {
  const siteRuns = site !== undefined && site.exitCode === null && site.signalCode === null
  const adminRuns = admin.exitCode === null && admin.signalCode === null
  if (!siteRuns && !adminRuns && !restartPending) process.exit()
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true
    site?.kill(signal)
    admin.kill(signal)
    exitWhenNothingRuns()
  })
}
