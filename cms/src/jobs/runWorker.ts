// `npm run worker`: the job worker of a deployment with several CMS instances (or one instance
// started with GONGYU_DISABLE_JOB_RUNNER=1). It serves no requests; it runs every queue on the
// schedule and with the limits the config's `jobs.autoRun` gives (scheduled publishing, video
// transcodes one at a time, search sync, the published export), as a single-machine CMS does
// in its own process. `payload jobs:run --cron` would run one queue, or all with one limit, so
// transcodes would run side by side; Payload's own autoRun crons keep each queue's rules.
import { getPayload } from 'payload'
import { buildGongyuConfig } from '../buildGongyuConfig'
import { deploymentProblems } from '../env/deploymentShape'

const env: NodeJS.ProcessEnv = { ...process.env, GONGYU_PROCESS_ROLE: 'worker' }
const problems = deploymentProblems(env)
if (problems.length > 0) {
  console.error(`任务进程没有启动。The job worker did not start.\n\n${problems.join('\n\n')}`)
  process.exit(1)
}

const payload = await getPayload({ config: buildGongyuConfig({ env }), cron: true })
console.log(`共育任务进程已启动（进程号 ${process.pid}）：定时发布、视频转码、搜索同步和发布内容导出在这里运行。`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    payload.destroy().finally(() => process.exit(0))
  })
}

// `payload run` exits when this module's top level settles; the crons run until a signal stops them.
await new Promise<never>(() => {})
