// `npm start`: loads the starter content into an empty database, makes sure a production build
// of the current code exists (built once, rebuilt only when the code changes:
// cms/scripts/productionBuild.ts), then serves the admin and API with `next start` on HOST
// (default 0.0.0.0, so a school server is reachable by its IP address or host name).
// `--dev` (`npm run dev`) serves `next dev` instead, on 127.0.0.1 only: the dev server has
// endpoints (such as opening files in an editor) that must never face a network.
// Beside the admin it exports the published content and builds and serves the parents' site
// (site/scripts/siteRunner.ts, port GONGYU_SITE_PORT or 4321; `off` leaves it out), which
// rebuilds a few seconds after each publish rewrites the export. The site is static, so it keeps
// serving when the admin process dies; the admin is then restarted.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureProductionBuild } from './productionBuild.ts'

const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const port = process.env.PORT ?? '3000'
const development = process.argv.includes('--dev')
const host = development ? '127.0.0.1' : process.env.HOST || '0.0.0.0'
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')

/** A crashing admin is restarted after this pause, but not more than MAX_RESTARTS times within RESTART_WINDOW_MS. */
const RESTART_DELAY_MS = 2000
const MAX_RESTARTS = 5
const RESTART_WINDOW_MS = 60_000

const seed = spawnSync('payload', ['run', 'src/seed/runSeed.ts', '--', '--if-empty'], { cwd: cmsRoot, stdio: 'inherit', env: process.env })
if (seed.status !== 0) {
  console.error('\n初始内容导入失败，服务未启动。请查看上面的错误信息。')
  process.exit(seed.status ?? 1)
}

if (!development) {
  try {
    const build = await ensureProductionBuild(cmsRoot, nextBin)
    if (build === 'reused') console.log('后台代码没有变化，使用已有的生产构建。')
  } catch (error) {
    console.error(`\n${(error as Error).message}`)
    process.exit(1)
  }
}

/** Exports the published content and starts the site runner; a site failure never stops the admin. */
function startSite(): ChildProcess | undefined {
  if (process.env.GONGYU_SITE_PORT === 'off') return undefined
  const exported = spawnSync('payload', ['run', 'src/publishing/runExport.ts'], { cwd: cmsRoot, stdio: 'inherit', env: process.env })
  if (exported.status !== 0) {
    console.error('\n已发布内容导出失败，家长网站没有启动；后台照常运行。')
    return undefined
  }
  const runner = path.resolve(cmsRoot, '..', 'site', 'scripts', 'siteRunner.ts')
  const child = spawn(process.execPath, [runner, '--watch'], { stdio: 'inherit', env: process.env })
  child.on('exit', (code) => {
    if (code) console.error(`\n家长网站已停止（退出码 ${code}），后台照常运行。`)
    exitWhenNothingRuns()
  })
  return child
}

const shownHost = host === '0.0.0.0' ? 'localhost' : host
console.log(`\n共育课程资源库后台：http://${shownHost}:${port}/admin`)
if (host === '0.0.0.0') console.log('（同一局域网的电脑也可以用本机的 IP 地址或主机名访问；设置 HOST=127.0.0.1 则只允许本机访问。）')
if (!process.env.GONGYU_ADMIN_EMAIL) {
  console.log('第一次使用：打开上面的地址，按页面提示创建第一个管理员账号；')
  console.log('或在启动前设置 GONGYU_ADMIN_EMAIL 和 GONGYU_ADMIN_PASSWORD 自动创建。\n')
}

process.env.NEXT_TELEMETRY_DISABLED ??= '1'
let stopping = false
let restartPending = false
const recentExits: number[] = []

function startNext(): ChildProcess {
  const args = development ? ['dev', '--webpack'] : ['start']
  const child = spawn(process.execPath, [nextBin, ...args, '--hostname', host, '--port', port], {
    cwd: cmsRoot,
    stdio: 'inherit',
    // `next start` keeps a NODE_ENV it is given; a build served with React's development mode would be slow and wrong.
    env: { ...process.env, NODE_ENV: development ? 'development' : 'production' },
  })
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
      else next = startNext()
    }, RESTART_DELAY_MS)
  })
  return child
}

const site = startSite()
let next = startNext()

/** Leaves once neither the admin nor the site runs and no restart is waiting. */
function exitWhenNothingRuns(): void {
  const siteRuns = site !== undefined && site.exitCode === null && site.signalCode === null
  const nextRuns = next.exitCode === null && next.signalCode === null
  if (!siteRuns && !nextRuns && !restartPending) process.exit()
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true
    site?.kill(signal)
    next.kill(signal)
    exitWhenNothingRuns()
  })
}
