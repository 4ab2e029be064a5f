import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createConnection } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { memoryTempDir } from './memoryTempDir.ts'
import { freePort } from './freePort.ts'

const installScript = fileURLToPath(new URL('../mongodb/install-ferretdb.sh', import.meta.url))

/** Builds (once per machine) and returns the FerretDB test server binary, or explains why it cannot. */
export function ferretdbBinary(): { path: string } | { missing: string } {
  if (process.env.FERRETDB_BIN) return { path: process.env.FERRETDB_BIN }
  const result = spawnSync('bash', [installScript], { encoding: 'utf8' })
  if (result.status === 0) return { path: result.stdout.trim() }
  return { missing: (result.stderr || result.error?.message || 'unknown error').trim() }
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`FerretDB exited with code ${child.exitCode}`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port })
      socket.once('connect', () => {
        socket.end()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`FerretDB did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`)
}

export interface RunningFerretDB {
  uri: string
  stop: () => Promise<void>
}

/** Starts FerretDB (SQLite storage in a temporary folder) on a free loopback port. */
export async function startFerretDB(binary: string): Promise<RunningFerretDB> {
  // In memory where possible: FerretDB keeps each database in SQLite, whose syncs are slow on disk.
  const dir = mkdtempSync(path.join(memoryTempDir(), 'gongyu-ferretdb-'))
  const port = await freePort()
  // GOGC=800: FerretDB's SQLite storage decodes every document of a collection for each query, and
  // Go's collector at its default of 100 took about a third of that time (the seed test ran 133 s, now 88 s).
  const env = { ...process.env, GOGC: '800' }
  const child = spawn(binary, ['-listen', `127.0.0.1:${port}`, '-sqlite-dir', path.join(dir, 'data')], { stdio: ['ignore', 'inherit', 'inherit'], env })
  try {
    await waitForPort(port, child, 20_000)
  } catch (error) {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return {
    uri: `mongodb://127.0.0.1:${port}/gongyu`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
