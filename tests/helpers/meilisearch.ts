import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { meilisearchExecutable } from '../setup/machineCapabilities.ts'
import { freePort } from './freePort.ts'

/** A Meilisearch server the tests talk to: the one MEILI_HOST names, or one this helper started. */
export interface TestMeilisearch {
  host: string
  /** The master (or admin) key; also accepted as an admin key by the adapter. */
  apiKey: string | undefined
  /** Whether this helper started the server (and so may stop and restart it to make an outage). */
  owned: boolean
  /** Stops the server for an outage; the data folder stays, so `restart` brings back the same indexes. */
  pause: () => Promise<void>
  restart: () => Promise<void>
  /** Stops the server and deletes its data folder (nothing for a server MEILI_HOST names). */
  stop: () => Promise<void>
}

const START_TIMEOUT_MS = 30_000

async function waitUntilHealthy(host: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode}`)
    const healthy = await fetch(`${host}/health`).then(
      (response) => response.ok,
      () => false,
    )
    if (healthy) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`Meilisearch did not answer on ${host} within ${timeoutMs} ms`)
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
}

/**
 * Starts the Meilisearch binary on a free loopback port with a temporary
 * data folder and a random master key (Meilisearch wants at least 16 bytes).
 * One indexing thread: the test machine's two cores are shared.
 */
export async function startMeilisearch(binary: string): Promise<TestMeilisearch> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyu-meili-'))
  const port = await freePort()
  const host = `http://127.0.0.1:${port}`
  const apiKey = randomBytes(24).toString('hex')
  const args = [
    '--db-path',
    path.join(dir, 'data.ms'),
    '--dump-dir',
    path.join(dir, 'dumps'),
    '--http-addr',
    `127.0.0.1:${port}`,
    '--master-key',
    apiKey,
    '--no-analytics',
    '--env',
    'development',
    '--log-level',
    'WARN',
    '--max-indexing-threads',
    '1',
  ]
  let child: ChildProcess | undefined
  // Its banner and request warnings go to stderr; kept (the last few KB) only to explain a failed start.
  let output = ''
  const launch = async () => {
    child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    child.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000)
    })
    await waitUntilHealthy(host, child, START_TIMEOUT_MS).catch((error: Error) => {
      throw new Error(`${error.message}\n${output}`)
    })
  }
  try {
    await launch()
  } catch (error) {
    if (child) await stopChild(child)
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return {
    host,
    apiKey,
    owned: true,
    pause: async () => {
      if (child) await stopChild(child)
    },
    restart: launch,
    stop: async () => {
      if (child) await stopChild(child)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * The Meilisearch for a test file: the server MEILI_HOST names (key from
 * MEILI_ADMIN_KEY or MEILI_MASTER_KEY), else the binary MEILI_BIN,
 * `../shared/bin/meilisearch` or PATH gives, started here. Callers skip first when
 * `machineLacks('meilisearch')`.
 */
export async function testMeilisearch(): Promise<TestMeilisearch> {
  const given = process.env.MEILI_HOST
  if (given) {
    const refuse = async () => {
      throw new Error('MEILI_HOST names a server this test did not start; it cannot stop it for an outage.')
    }
    return {
      host: given,
      apiKey: process.env.MEILI_ADMIN_KEY ?? process.env.MEILI_MASTER_KEY,
      owned: false,
      pause: refuse,
      restart: refuse,
      stop: async () => {},
    }
  }
  const binary = meilisearchExecutable()
  if (!binary) throw new Error('No Meilisearch binary: set MEILI_BIN, or MEILI_HOST to a running server (see docs/testing.md).')
  return startMeilisearch(binary)
}

/** An index name no other test or run uses, for one test's own index on a shared server. */
export function uniqueIndexUid(purpose: string): string {
  return `gongyu-${purpose}-${process.pid}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`
}
