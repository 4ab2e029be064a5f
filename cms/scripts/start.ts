// `npm start`: loads the starter content into an empty database, then serves the admin and API.
// `--dev` is the same; `--production` serves a `next build` output with `next start`.
// Beside the admin it exports the published content and builds and serves the parents' site
// (site/scripts/siteRunner.ts, port GONGYU_SITE_PORT or 4321; `off` leaves it out). Outside
// production the runner rebuilds the site a few seconds after each publish rewrites the export.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const port = process.env.PORT ?? '3000'
const production = process.argv.includes('--production')

const seed = spawnSync('payload', ['run', 'src/seed/runSeed.ts', '--', '--if-empty'], { cwd: cmsRoot, stdio: 'inherit', env: process.env })
if (seed.status !== 0) {
  console.error('\n初始内容导入失败，服务未启动。请查看上面的错误信息。')
  process.exit(seed.status ?? 1)
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
  const site = spawn(process.execPath, [runner, ...(production ? [] : ['--watch'])], { stdio: 'inherit', env: process.env })
  site.on('exit', (code) => {
    if (code) console.error(`\n家长网站已停止（退出码 ${code}），后台照常运行。`)
  })
  return site
}

if (production && !existsSync(path.join(cmsRoot, '.next', 'BUILD_ID'))) {
  console.error('还没有生产构建。请先运行 npm run build --workspace cms。')
  process.exit(1)
}

console.log(`\n共育课程资源库后台：http://localhost:${port}/admin`)
if (!process.env.GONGYU_ADMIN_EMAIL) {
  console.log('第一次使用：打开上面的地址，按页面提示创建第一个管理员账号；')
  console.log('或在启动前设置 GONGYU_ADMIN_EMAIL 和 GONGYU_ADMIN_PASSWORD 自动创建。\n')
}

const site = startSite()
process.env.NEXT_TELEMETRY_DISABLED ??= '1'
const next = spawn('next', [production ? 'start' : 'dev', ...(production ? [] : ['--webpack']), '--port', port], {
  cwd: cmsRoot,
  stdio: 'inherit',
  env: process.env,
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    site?.kill(signal)
    next.kill(signal)
  })
}
next.on('exit', (code) => {
  site?.kill('SIGTERM')
  process.exit(code ?? 0)
})
