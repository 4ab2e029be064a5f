import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** Where a benchmark child writes its figures: a file, because the child's stdout carries logs. */
const RESULT_FILE_VARIABLE = 'GONGYU_BENCH_RESULT_FILE'

export interface ChildRun {
  /** A TypeScript file, run with this Node through tsx. */
  script: string
  args?: string[]
  env?: Record<string, string>
  timeoutMs: number
}

/**
 * Runs a benchmark script in a process (and process group) of its own and
 * returns the figures it reported with `reportToParent`. Its stdout and
 * stderr both go to this process's stderr, so nothing it or its children
 * print (spinners, npm banners) can reach the JSON on stdout. A child that
 * outlives `timeoutMs` is killed with its whole group.
 */
export async function runInChildProcess({ script, args = [], env = {}, timeoutMs }: ChildRun): Promise<Record<string, unknown>> {
  const folder = mkdtempSync(path.join(tmpdir(), 'gongyu-bench-result-'))
  const resultFile = path.join(folder, 'result.json')
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env, [RESULT_FILE_VARIABLE]: resultFile },
    stdio: ['ignore', process.stderr, process.stderr],
    detached: true,
  })
  const killGroup = () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL')
  }
  // The child has a process group of its own, so Ctrl-C in the terminal reaches only this process: pass it on.
  const onSignal = (signal: NodeJS.Signals) => {
    killGroup()
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    killGroup()
  }, timeoutMs)
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject)
      child.on('exit', (exitCode) => resolve(exitCode))
    })
    if (timedOut) throw new Error(`stopped after ${Math.round(timeoutMs / 1000)} s`)
    if (code !== 0) throw new Error(`exited with code ${code} (its output is on stderr)`)
    try {
      return JSON.parse(readFileSync(resultFile, 'utf8')) as Record<string, unknown>
    } catch (error) {
      throw new Error(`reported no figures: ${(error as Error).message}`)
    }
  } finally {
    clearTimeout(timer)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    rmSync(folder, { recursive: true, force: true })
  }
}

/** Hands a benchmark child's figures to the `runInChildProcess` that started it. */
export function reportToParent(figures: Record<string, unknown>): void {
  const resultFile = process.env[RESULT_FILE_VARIABLE]
  if (!resultFile) throw new Error(`${RESULT_FILE_VARIABLE} is not set: run this file through tests/bench/run.ts (npm run bench)`)
  writeFileSync(resultFile, JSON.stringify(figures))
}
