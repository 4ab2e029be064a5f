// `npm start`: loads the starter content into an empty database, then serves the admin and API.
// `--dev` is the same; `--production` serves a `next build` output with `next start`.
import { spawn, spawnSync } from 'node:child_process'
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

if (production && !existsSync(path.join(cmsRoot, '.next', 'BUILD_ID'))) {
  console.error('还没有生产构建。请先运行 npm run build --workspace cms。')
  process.exit(1)
}

console.log(`\n共育课程资源库后台：http://localhost:${port}/admin`)
if (!process.env.GONGYU_ADMIN_EMAIL) {
  console.log('第一次使用：打开上面的地址，按页面提示创建第一个管理员账号；')
  console.log('或在启动前设置 GONGYU_ADMIN_EMAIL 和 GONGYU_ADMIN_PASSWORD 自动创建。\n')
}

process.env.NEXT_TELEMETRY_DISABLED ??= '1'
const next = spawn('next', [production ? 'start' : 'dev', ...(production ? [] : ['--webpack']), '--port', port], {
  cwd: cmsRoot,
  stdio: 'inherit',
  env: process.env,
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal))
next.on('exit', (code) => process.exit(code ?? 0))
