import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  builtFerretDB,
  builtSeaweedFS,
  type CapabilityState,
  chromiumExecutable,
  cjkFontFiles,
  findExecutable,
  goExecutable,
  goVersionAtLeast,
  goVersionOf,
  isRequired,
  machineCapabilities,
  requiredGoVersion,
  seaweedfsGoVersion,
} from './machineCapabilities.ts'

/**
 * `npm test`'s and CI's machine set-up (run with `node tests/setup/prepareMachine.ts`).
 * It installs what the browser, video and MongoDB tests need when it can:
 * Debian's chromium, ffmpeg and fonts-noto-cjk with apt (as root), Go with apt
 * when Debian's golang-go can build the pinned FerretDB, FerretDB itself, and the SeaweedFS S3 server
 * when this machine's Go can build it.
 * What it cannot install is reported, and the Vitest config then leaves out
 * exactly the tests that need it. With GONGYU_REQUIRE_MONGODB=1 a missing
 * FerretDB is an error, and with GONGYU_REQUIRE_MACHINE=1 (CI) anything
 * missing is. When everything is there it only looks (well under a second).
 */

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))
const log = (line: string) => console.error(`[prepare-machine] ${line}`)

/** Runs a command with its output shown; a failure is logged and returns false (the tests that need it are then skipped). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env, cwd: repositoryRoot })
  if (result.status === 0) return true
  log(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`)
  return false
}

function canUseApt(): boolean {
  return process.getuid?.() === 0 && findExecutable('apt-get') !== undefined
}

/** Debian's candidate version of a package ("2:1.19~1"), after `apt-get update`. */
function aptCandidate(name: string): string | undefined {
  const result = spawnSync('apt-cache', ['policy', name], { encoding: 'utf8' })
  const candidate = result.stdout?.match(/Candidate:\s*(\S+)/)?.[1]
  return candidate && candidate !== '(none)' ? candidate : undefined
}

/** Whether the MongoDB run needs FerretDB built here: no MongoDB given and none built yet. */
const ferretdbWanted =
  !/^mongodb(\+srv)?:\/\//.test(process.env.DATABASE_URI ?? '') &&
  !(process.env.GONGYU_MACHINE_WITHOUT ?? '').split(',').includes('mongodb') &&
  builtFerretDB() === undefined

function usableGo(): string | undefined {
  const go = goExecutable()
  return go && goVersionAtLeast(goVersionOf(go), requiredGoVersion()) ? go : undefined
}

function installSystemPackages(): void {
  const packages = [
    ...(chromiumExecutable() ? [] : ['chromium']),
    ...(findExecutable('ffmpeg') && findExecutable('ffprobe') ? [] : ['ffmpeg']),
    ...(cjkFontFiles.some((file) => existsSync(file)) ? [] : ['fonts-noto-cjk']),
  ]
  const wantGo = ferretdbWanted && !usableGo()
  if (packages.length === 0 && !wantGo) return
  if (!canUseApt()) {
    log(`cannot install ${[...packages, ...(wantGo ? ['Go'] : [])].join(', ')}: not root or no apt-get`)
    return
  }
  // Debian's golang-go is often older than FerretDB needs; ask before updating, so a machine where it is too old does not update on every run.
  let goCandidate = wantGo ? aptCandidate('golang-go') : undefined
  if (packages.length > 0 || (wantGo && goCandidate === undefined)) {
    log('apt-get update')
    if (!run('apt-get', ['update', '-qq'])) return
    if (wantGo) goCandidate = aptCandidate('golang-go')
  }
  if (wantGo) {
    if (goCandidate && goVersionAtLeast(goCandidate, requiredGoVersion())) packages.push('golang-go')
    else log(`not installing golang-go: Debian's is ${goCandidate ?? 'not available'}, FerretDB's go.mod needs go ${requiredGoVersion()}`)
  }
  if (packages.length === 0) return
  log(`apt-get install ${packages.join(' ')}`)
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { ...process.env, DEBIAN_FRONTEND: 'noninteractive' })
}

function buildFerretDB(): void {
  if (!ferretdbWanted || !usableGo()) return
  log('building the FerretDB test server (once per machine)')
  run('bash', ['tests/mongodb/install-ferretdb.sh'])
}

/** The S3 tests' SeaweedFS, built like FerretDB (once per machine) when this machine's Go is new enough. */
function buildSeaweedFS(): void {
  if ((process.env.GONGYU_MACHINE_WITHOUT ?? '').split(',').includes('s3') || builtSeaweedFS() !== undefined) return
  const go = goExecutable()
  if (!go || !goVersionAtLeast(goVersionOf(go), seaweedfsGoVersion())) return
  log('building the SeaweedFS S3 test server (once per machine, several minutes)')
  run('bash', ['tests/s3/install-seaweedfs.sh'])
}

function skipNotice(state: CapabilityState): string {
  const what = state.capability === 'mongodb' ? 'the mongodb project' : (state.neededBy ?? `${state.files.length} test files`)
  return `${state.capability} missing (${state.reason}): ${what} will be skipped. Install: ${state.install}`
}

function main(): void {
  const started = performance.now()
  installSystemPackages()
  buildFerretDB()
  buildSeaweedFS()
  const missing = machineCapabilities().filter((state) => !state.available)
  for (const state of missing) log(skipNotice(state))
  if (missing.length > 0 && !canUseApt()) log('as root on Debian, `node tests/setup/prepareMachine.ts` (run by npm test) installs them')
  log(`ready in ${Math.round(performance.now() - started)} ms`)
  const required = missing.filter(isRequired)
  if (required.length > 0) {
    log(`required here (GONGYU_REQUIRE_MONGODB / GONGYU_REQUIRE_MACHINE) but missing: ${required.map((state) => state.capability).join(', ')}`)
    process.exitCode = 1
  }
}

try {
  main()
} catch (error) {
  log(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}
