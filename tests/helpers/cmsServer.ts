import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs'

import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildInputsHash, buildIsCurrent } from '../../cms/scripts/productionBuild.ts'
import { cachedFolder } from './cachedFolder.ts'
import { freePort } from './freePort.ts'

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))
const startScript = path.join(repositoryRoot, 'scripts', 'start.ts')

export interface RunningCms {
  /** The admin and API, on 127.0.0.1 (not localhost), as a school's server is reached by address. */
  url: string
  /** The parents' site, when started with `site: true`. */
  siteUrl?: string
  admin: { email: string; password: string }
  /** Its data folder (GONGYU_DATA_DIR): the SQLite file, uploads and exports. */
  dataDir: string
  /** The orchestrator (scripts/start.ts) process. */
  pid: number
  /** Everything it has printed so far. */
  output: () => string
  stop: () => Promise<void>
}

export interface StartCmsOptions {
  /** Also export, build and serve the parents' site beside the admin, as `npm start` does. */
  site?: boolean
  timeoutMs?: number
  /**
   * Start on an empty database, so `npm start` seeds it itself (minutes). By
   * default the data folder starts as a copy of what that seed step made for
   * the current code (`npmStartBank`), and `npm start` finds it seeded.
   */
  emptyDatabase?: boolean
  /** A data folder the caller owns and keeps (instances of one deployment share it); nothing is copied into it. */
  dataDir?: string
  /** More environment for this instance (DATABASE_URI, MEILI_HOST, GONGYU_INSTANCES…), over what npm start gets here. */
  env?: Record<string, string | undefined>
}

/** The first admin, created from GONGYU_ADMIN_EMAIL and GONGYU_ADMIN_PASSWORD as a school would set them. */
const ADMIN = { email: 'admin@example.test', password: 'e2e-admin-password' }

/** The environment `npm start` gets here, for a data folder. */
function startEnvironment(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // The seed step pushes the SQLite schema, which Payload does only outside production; start.ts runs Next in production itself.
    NODE_ENV: 'development',
    GONGYU_DATA_DIR: dataDir,
    GONGYU_ADMIN_EMAIL: ADMIN.email,
    GONGYU_ADMIN_PASSWORD: ADMIN.password,
    GONGYU_DISABLE_JOB_RUNNER: '1',
  }
}

/**
 * The data folder `npm start`'s seed step (`seedIfEmpty` of `@gongyu/cms/server`)
 * makes from an empty one: the first admin, the whole starter bank with its
 * sample videos, and the search export. Made once per code change
 * (tests/helpers/cachedFolder.ts).
 */
function npmStartBank(): Promise<string> {
  return cachedFolder('npm-start', async (folder) => {
    const seed = "const { seedIfEmpty } = await import('@gongyu/cms/server'); process.exitCode = seedIfEmpty() ? 0 : 1"
    const env = { ...startEnvironment(folder), PATH: `${path.join(repositoryRoot, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` }
    await runToEnd(['--input-type=module', '-e', seed], env)
  })
}

const cmsRoot = path.join(repositoryRoot, 'cms')

/**
 * Puts the admin's production build of the current code into `cms/.next` from
 * the machine's cache, where the first start for this code left a copy (beside
 * the seeded banks, keyed by the same hash npm start stamps its build with).
 * A fresh checkout on a warm machine, such as CI's clone, then copies about
 * 15 MB instead of running `next build` (minutes on 2 cores); npm start still
 * checks the stamp itself and reports 使用已有的生产构建. Next's own `cache`
 * folder stays out: `next start` does not read it.
 */
async function restoreProductionBuild(): Promise<void> {
  const hash = buildInputsHash(repositoryRoot)
  if (buildIsCurrent(cmsRoot, hash)) return
  const buildFolder = path.join(cmsRoot, '.next')
  const cached = await cachedFolder(`next-build-${hash.slice(0, 16)}`, async (folder) => {
    // Built as npm start builds it (productionBuild.ts, under its lock), with npm start's environment.
    const build = "const { prepareProductionBuild } = await import('@gongyu/cms/server'); await prepareProductionBuild()"
    const scratch = mkdtempSync(path.join(tmpdir(), 'gongyu-next-build-'))
    try {
      await runToEnd(['--input-type=module', '-e', build], startEnvironment(scratch))
    } finally {
      rmSync(scratch, { recursive: true, force: true })
    }
    cpSync(buildFolder, folder, { recursive: true, filter: (source) => source !== path.join(buildFolder, 'cache') })
  })
  if (buildIsCurrent(cmsRoot, hash)) return
  // Copied beside it and renamed into place, so a start never sees half a build; a parallel test file may have won the race.
  const staging = mkdtempSync(path.join(cmsRoot, '.next-restore-'))
  try {
    cpSync(cached, staging, { recursive: true })
    if (buildIsCurrent(cmsRoot, hash)) return
    rmSync(buildFolder, { recursive: true, force: true })
    renameSync(staging, buildFolder)
  } catch (error) {
    if (!buildIsCurrent(cmsRoot, hash)) throw error
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

/**
 * Stop functions of the servers and workers this test process started and has not stopped, by
 * process group. Each is recorded as soon as it is spawned, before its readiness wait, so a
 * file whose beforeAll timed out while a start was still waiting (its variables never assigned)
 * still stops it: through `stopStartedProcesses` in afterAll, or when the process ends.
 */
const started = new Map<number, () => Promise<void>>()
let exitCleanupInstalled = false

/** Signals a whole process group; one that has gone already (ESRCH) is left alone. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
  }
}

/** Kills what is still recorded at once: the groups are detached, so they would outlive this process. */
function killStartedGroups(): void {
  for (const pid of started.keys()) signalGroup(pid, 'SIGKILL')
  started.clear()
}

function recordStarted(pid: number, stop: () => Promise<void>): void {
  started.set(pid, stop)
  if (exitCleanupInstalled) return
  exitCleanupInstalled = true
  process.once('exit', killStartedGroups)
  // Vitest ends a file's worker with SIGTERM, which runs no 'exit' handler: kill the groups, then die of the signal as before.
  process.once('SIGTERM', () => {
    killStartedGroups()
    if (process.listenerCount('SIGTERM') === 0) process.kill(process.pid, 'SIGTERM')
  })
}

/** Stops every server and worker this process started and has not stopped yet, also those still starting. */
export async function stopStartedProcesses(): Promise<void> {
  await Promise.all([...started.values()].map((stop) => stop()))
}

/** SIGTERM to the group, up to 10 s for it to go (so no site rebuild writes into a folder being removed), then SIGKILL. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid
  if (pid === undefined) return
  started.delete(pid)
  // The whole group, also when the orchestrator itself has exited and left `next start` behind.
  signalGroup(pid, 'SIGTERM')
  for (let waited = 0; groupIsAlive(pid) && waited < 10_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200))
  if (groupIsAlive(pid)) signalGroup(pid, 'SIGKILL')
}

/**
 * Runs a Node script to its end in a process group of its own, recorded like the servers, so a
 * set-up that times out while it runs (a `next build` takes minutes on a loaded machine) does not
 * leave it building after the file has gone.
 */
async function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  if (child.pid !== undefined) recordStarted(child.pid, () => stopGroup(child))
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject)
      child.once('exit', resolve)
    })
    if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}:\n${output.slice(-3000)}`)
  } finally {
    if (child.pid !== undefined) started.delete(child.pid)
  }
}

function groupIsAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    // ESRCH: no process of the group is left.
    return false
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url)
    await response.arrayBuffer()
    return response.ok
  } catch {
    // Not listening yet: the caller keeps polling until its deadline.
    return false
  }
}

/**
 * Starts the CMS the way `npm start` does (seed an empty database, build the
 * admin for production unless the current code's build is already there,
 * then `next start`) on a free port with a data folder of its own, by default
 * a copy of the one `npm start`'s seed step made. The first start for new
 * code builds (a few minutes); later ones reuse the build.
 */
export async function startCmsServer(options: StartCmsOptions = {}): Promise<RunningCms> {
  const { site = false, timeoutMs = 900_000, emptyDatabase = false } = options
  await restoreProductionBuild()
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'gongyu-e2e-'))
  if (!options.dataDir && !emptyDatabase) cpSync(await npmStartBank(), dataDir, { recursive: true })
  const port = await freePort()
  const sitePort = site ? await freePort() : undefined
  const admin = { ...ADMIN }
  const env = {
    ...startEnvironment(dataDir),
    PORT: String(port),
    // Without `site`, the admin alone: the site has tests of its own, and port 4321 may be taken.
    GONGYU_SITE_PORT: sitePort ? String(sitePort) : 'off',
    GONGYU_SITE_OUT_DIR: path.join(dataDir, 'site'),
    ...options.env,
  }
  const child: ChildProcess = spawn(process.execPath, [startScript], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const url = `http://127.0.0.1:${port}`
  const siteUrl = sitePort ? `http://127.0.0.1:${sitePort}` : undefined
  const deadline = Date.now() + timeoutMs
  let stopped = false
  const stop = async () => {
    stopped = true
    await stopGroup(child)
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
  }
  if (child.pid !== undefined) recordStarted(child.pid, stop)
  // Whatever ends the wait other than readiness (the CMS exiting, the deadline, a stop from afterAll) stops the whole group.
  try {
    while (Date.now() < deadline && !stopped) {
      if (child.exitCode !== null) throw new Error(`CMS exited with ${child.exitCode}:\n${output.slice(-3000)}`)
      if ((await answers(`${url}/admin/login`)) && (!siteUrl || (await answers(`${siteUrl}/`)))) {
        return { url, siteUrl, admin, dataDir, pid: child.pid as number, output: () => output, stop }
      }
      // Connection refused answers at once; a short pause keeps the wait after readiness short.
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    throw new Error(
      stopped
        ? `CMS stopped before it served /admin/login:\n${output.slice(-3000)}`
        : `CMS did not serve /admin/login within ${timeoutMs} ms:\n${output.slice(-3000)}`,
    )
  } catch (error) {
    await stop()
    throw error
  }
}

/** A job worker (`npm run worker`) the test started. */
export interface RunningWorker {
  pid: number
  /** Everything it has printed so far. */
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts `npm run worker` (cms/src/jobs/runWorker.ts) in production mode on
 * a data folder the caller owns, with the deployment's environment; resolves
 * once it says it has started, rejects with its output if it exits first.
 */
export async function startJobWorker(options: { dataDir: string; env: Record<string, string | undefined>; timeoutMs?: number }): Promise<RunningWorker> {
  const payloadBin = path.join(repositoryRoot, 'node_modules', 'payload', 'bin.js')
  const env: NodeJS.ProcessEnv = { ...startEnvironment(options.dataDir), ...options.env, NODE_ENV: 'production' }
  const child = spawn(process.execPath, [payloadBin, 'run', 'src/jobs/runWorker.ts'], { cwd: cmsRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  let stopped = false
  const stop = async () => {
    stopped = true
    await stopGroup(child)
  }
  if (child.pid !== undefined) recordStarted(child.pid, stop)
  const deadline = Date.now() + (options.timeoutMs ?? 120_000)
  try {
    while (Date.now() < deadline && !stopped) {
      if (child.exitCode !== null) throw new Error(`The job worker exited with ${child.exitCode}:\n${output.slice(-3000)}`)
      if (output.includes('共育任务进程已启动')) return { pid: child.pid as number, output: () => output, stop }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    throw new Error(
      stopped
        ? `The job worker was stopped before it started:\n${output.slice(-3000)}`
        : `The job worker did not start within ${options.timeoutMs ?? 120_000} ms:\n${output.slice(-3000)}`,
    )
  } catch (error) {
    await stop()
    throw error
  }
}
