// `npm run bench`: prints benchmark figures as one JSON document on stdout; everything else goes to stderr.
// `npm run bench -- load search` runs only the named sections. Figures only: nothing here fails on timing.
// Each section runs in a process of its own (sectionProcess.ts), so no two Payload instances or
// SQLite schema pushes share a process, and a section's own output (spinners, child processes) can
// never reach this process's stdout. The starter bank is seeded and exported once (starterBank.ts)
// and shared by the sections that read it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { runInChildProcess } from './childProcess.ts'
import { SECTION_NAMES, SECTIONS_USING_BANK, type SectionName } from './sectionNames.ts'

/** A safety net, not a budget: a section that hangs this long is stopped and reported, and the run goes on. */
const SECTION_TIMEOUT_MS = 20 * 60_000

const requested = process.argv.slice(2).filter((name) => !name.startsWith('-'))
const unknown = requested.filter((name) => !(SECTION_NAMES as readonly string[]).includes(name))
if (unknown.length > 0) {
  console.error(`未知的基准测试部分：${unknown.join('、')}。可选：${SECTION_NAMES.join('、')}`)
  process.exit(2)
}
const chosen = SECTION_NAMES.filter((name) => requested.length === 0 || requested.includes(name))

const sectionScript = new URL('./sectionProcess.ts', import.meta.url).pathname
const work = mkdtempSync(path.join(tmpdir(), 'gongyu-bench-'))
const started = performance.now()
const wallSeconds: Record<string, number> = {}
const cpuSeconds: Record<string, number> = {}
const failures: string[] = []
const results: Record<string, unknown> = {
  machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length, loadAverageAtStart: loadavg().map(round1) },
}

function round1(value: number): number {
  return Math.round(value * 10) / 10
}

/**
 * CPU seconds (user + system) of this process's finished children and their
 * descendants, from /proc (Linux; null elsewhere). On a busy machine the wall
 * time grows with the load but this does not, so it tells how long a section
 * would take alone. Clock ticks are 100 per second on Linux.
 */
function childrenCpuSeconds(): number | null {
  if (!existsSync('/proc/self/stat')) return null
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // After the name: state is field 3, so cutime and cstime (fields 16 and 17) are at 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) / 100
}

/** Runs one section (or the bank) in its own process and files its figures, or why it could not give any. */
async function runSection(name: SectionName | 'starterBank', env: Record<string, string>): Promise<Record<string, unknown> | undefined> {
  console.error(`\n[bench] ${name}…`)
  const sectionStarted = performance.now()
  const cpuBefore = childrenCpuSeconds()
  try {
    const figures = await runInChildProcess({ script: sectionScript, args: [name], env, timeoutMs: SECTION_TIMEOUT_MS })
    results[name] = figures
    return figures
  } catch (error) {
    failures.push(name)
    results[name] = { error: (error as Error).message }
    return undefined
  } finally {
    wallSeconds[name] = round1((performance.now() - sectionStarted) / 1000)
    const cpuAfter = childrenCpuSeconds()
    if (cpuBefore !== null && cpuAfter !== null) cpuSeconds[name] = round1(cpuAfter - cpuBefore)
    console.error(`[bench] ${name}: ${wallSeconds[name]} s（CPU ${cpuSeconds[name] ?? '?'} s）`)
  }
}

try {
  const env: Record<string, string> = {}
  // GONGYU_BENCH_BANK_DIR may name a data folder already seeded and exported, to skip that step.
  if (chosen.some((name) => SECTIONS_USING_BANK.includes(name)) && !process.env.GONGYU_BENCH_BANK_DIR) {
    env.GONGYU_BENCH_BANK_DIR = path.join(work, 'bank')
    await runSection('starterBank', env)
  }
  for (const name of chosen) {
    if (SECTIONS_USING_BANK.includes(name) && failures.includes('starterBank')) {
      results[name] = { skipped: 'the starter bank could not be seeded and exported (see starterBank.error)' }
      continue
    }
    await runSection(name, env)
  }
} finally {
  rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
}

results.wallSeconds = { ...wallSeconds, total: round1((performance.now() - started) / 1000) }
results.cpuSeconds = { ...cpuSeconds, total: round1(Object.values(cpuSeconds).reduce((sum, value) => sum + value, 0)) }
results.machine = { ...(results.machine as object), loadAverageAtEnd: loadavg().map(round1) }
results.failures = failures
if (failures.length > 0) console.error(`\n[bench] 出错的部分：${failures.join('、')}（原因见 JSON 中各部分的 error）`)
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
// Exit 0 even when a section crashed: the figures of the others are printed, and its error is in
// `failures`; npm (JSON mode, .npmrc) would otherwise add an error object after the document on stdout.
process.exitCode = 0
