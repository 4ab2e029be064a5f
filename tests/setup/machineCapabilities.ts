import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** What some tests need from the machine beyond `npm install`. */
export type Capability = 'chromium' | 'video' | 'mongodb' | 'meilisearch' | 's3'

/** Whether the machine has one capability, and if not, why, how to install it and which tests are left out. */
export interface CapabilityState {
  capability: Capability
  available: boolean
  /** Why it is missing (empty when available). */
  reason: string
  /** The command that installs what is missing (as root on Debian). */
  install: string
  /** Test files that cannot run without it (repository-relative); the MongoDB capability skips a whole Vitest project instead. */
  files: readonly string[]
  /** What is skipped, when it is not whole files (those files skip the tests themselves, see `machineLacks`). */
  neededBy?: string
}

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))
const ferretdbInstallScript = path.join(repositoryRoot, 'tests/mongodb/install-ferretdb.sh')
const ferretdbGoMod = path.join(repositoryRoot, 'tests/mongodb/ferretdb/go.mod')
const seaweedfsInstallScript = path.join(repositoryRoot, 'tests/s3/install-seaweedfs.sh')
const seaweedfsGoMod = path.join(repositoryRoot, 'tests/s3/seaweedfs/go.mod')

/**
 * Test files that launch Debian's Chromium (through tests/helpers/browser.ts).
 * tests/setup/machineCapabilities.test.ts fails when a browser test is missing here.
 */
export const browserTestFiles = [
  'tests/e2e/adminFirstDay.e2e.spec.ts',
  'tests/e2e/adminNeedsLoop.e2e.spec.ts',
  'tests/e2e/adminPlacesImport.e2e.spec.ts',
  'tests/e2e/adminWorkflow.e2e.spec.ts',
  'tests/e2e/adminWriting.e2e.spec.ts',
  'tests/e2e/certificates.e2e.spec.ts',
  'tests/e2e/events.e2e.spec.ts',
  'tests/e2e/myLearning.e2e.spec.ts',
  'tests/e2e/needsReport.e2e.spec.ts',
  'tests/e2e/places.e2e.spec.ts',
  'tests/e2e/printHandout.e2e.spec.ts',
  'tests/e2e/readingComfort.e2e.spec.ts',
  'tests/e2e/searchIndexParts.e2e.spec.ts',
  'tests/e2e/searchPhone.e2e.spec.ts',
  'tests/e2e/securityHeaders.e2e.spec.ts',
  'tests/e2e/site.e2e.spec.ts',
  'tests/e2e/surveys.e2e.spec.ts',
  'tests/e2e/video.e2e.spec.ts',
  'tests/e2e/videoPage.e2e.spec.ts',
  'tests/e2e/widgets.e2e.spec.ts',
  'tests/e2e/widgetsHostile.e2e.spec.ts',
  'tests/e2e/xssCorpus.e2e.spec.ts',
] as const

/**
 * Test files whose set-up makes or transcodes video with ffmpeg/ffprobe.
 * tests/int/seed.int.spec.ts is not here: only its sample-video test needs
 * ffmpeg, and it skips that one test itself (see `machineLacks`).
 */
export const videoTestFiles = [
  'tests/int/backupRestore.int.spec.ts',
  'tests/int/mediaSafety.int.spec.ts',
  'tests/int/objectStorage.int.spec.ts',
  'tests/int/requestGuard.int.spec.ts',
  'tests/int/videoTranscode.int.spec.ts',
  'tests/int/videoUpload.int.spec.ts',
  'tests/mongodb/multiInstance.int.spec.ts',
  'tests/e2e/video.e2e.spec.ts',
  'tests/e2e/videoPage.e2e.spec.ts',
] as const

/** Debian's fonts-noto-cjk (and a fallback); the seed's sample videos draw Chinese titles with it. */
export const cjkFontFiles = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Medium.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
] as const

/** Where Go is often installed without being on PATH (the go.dev tarball, `go install`'s own folder). */
const extraGoFolders = ['/usr/local/go/bin', path.join(process.env.HOME ?? '/root', 'go/bin'), '/usr/lib/go/bin']

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The first executable of that name on PATH (and in the extra folders), like `which`, without starting a process. */
export function findExecutable(name: string, extraFolders: readonly string[] = []): string | undefined {
  const folders = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...extraFolders]
  return folders.map((folder) => path.join(folder, name)).find(isExecutable)
}

/** Capabilities named in GONGYU_MACHINE_WITHOUT (comma-separated) are treated as missing, to try the skip path on a full machine. */
function pretendMissing(capability: Capability): boolean {
  return (process.env.GONGYU_MACHINE_WITHOUT ?? '')
    .split(',')
    .map((name) => name.trim())
    .includes(capability)
}

/** The path of Debian's Chromium (or CHROMIUM_PATH), if there is one. */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return isExecutable(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined
  return findExecutable('chromium')
}

/** The Go toolchain, on PATH or in a usual folder. */
export function goExecutable(): string | undefined {
  return findExecutable('go', extraGoFolders)
}

/** The `go` line of a Go test server's go.mod (FerretDB's by default), e.g. "1.24": the oldest Go that builds it. */
export function requiredGoVersion(goMod: string = ferretdbGoMod): string {
  const line = readFileSync(goMod, 'utf8').match(/^go (\d+\.\d+)/m)
  if (!line?.[1]) throw new Error(`no "go" line in ${goMod}`)
  return line[1]
}

/** Whether Go version `have` ("1.19", "go1.26.8", "2:1.19~1") is at least `need` ("1.24"). */
export function goVersionAtLeast(have: string, need: string): boolean {
  const parse = (version: string) => (version.match(/(\d+)\.(\d+)/) ?? []).slice(1, 3).map(Number)
  const [haveMajor = 0, haveMinor = 0] = parse(have)
  const [needMajor = 0, needMinor = 0] = parse(need)
  return haveMajor > needMajor || (haveMajor === needMajor && haveMinor >= needMinor)
}

/** The version of the Go toolchain at `go` (e.g. "go1.26.8"). */
export function goVersionOf(go: string): string {
  const result = spawnSync(go, ['env', 'GOVERSION'], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${go} env GOVERSION failed: ${result.stderr || result.error?.message}`)
  return result.stdout.trim()
}

/** The FerretDB test server binary when it is already built (no build is started). */
export function builtFerretDB(): string | undefined {
  if (process.env.FERRETDB_BIN) return process.env.FERRETDB_BIN
  const result = spawnSync('bash', [ferretdbInstallScript, '--check'], { encoding: 'utf8' })
  if (result.status === 0) return result.stdout.trim()
  if (result.status === 3) return undefined
  throw new Error(`${ferretdbInstallScript} --check failed: ${result.stderr || result.error?.message}`)
}

/** The oldest Go that builds the SeaweedFS S3 test server (its go.mod's `go` line). */
export function seaweedfsGoVersion(): string {
  return requiredGoVersion(seaweedfsGoMod)
}

/** The SeaweedFS S3 test server binary when it is already built (no build is started). */
export function builtSeaweedFS(): string | undefined {
  if (process.env.SEAWEEDFS_BIN) return process.env.SEAWEEDFS_BIN
  const result = spawnSync('bash', [seaweedfsInstallScript, '--check'], { encoding: 'utf8' })
  if (result.status === 0) return result.stdout.trim()
  if (result.status === 3) return undefined
  throw new Error(`${seaweedfsInstallScript} --check failed: ${result.stderr || result.error?.message}`)
}

// The CMS's own isMongoUri (cms/src/db/databaseKind.ts) imports without file extensions, which plain `node` (prepareMachine) cannot load.
function isMongoUri(uri: string | undefined): boolean {
  return Boolean(uri && /^mongodb(\+srv)?:\/\//.test(uri))
}

function chromiumState(): CapabilityState {
  const available = !pretendMissing('chromium') && chromiumExecutable() !== undefined
  return {
    capability: 'chromium',
    available,
    reason: available ? '' : pretendMissing('chromium') ? 'GONGYU_MACHINE_WITHOUT names chromium' : 'no chromium on PATH (or CHROMIUM_PATH)',
    install: 'apt-get install chromium',
    files: browserTestFiles,
  }
}

function videoState(): CapabilityState {
  const missing = [
    ...(findExecutable('ffmpeg') ? [] : ['ffmpeg']),
    ...(findExecutable('ffprobe') ? [] : ['ffprobe']),
    ...(cjkFontFiles.some((file) => existsSync(file)) ? [] : ['a CJK font']),
  ]
  const available = !pretendMissing('video') && missing.length === 0
  return {
    capability: 'video',
    available,
    reason: available ? '' : pretendMissing('video') ? 'GONGYU_MACHINE_WITHOUT names video' : `no ${missing.join(', ')}`,
    install: 'apt-get install ffmpeg fonts-noto-cjk',
    files: videoTestFiles,
  }
}

function mongodbState(): CapabilityState {
  const base = {
    capability: 'mongodb',
    install: `Go ≥ ${requiredGoVersion()} (apt-get install golang-go when Debian's is that new, else https://go.dev/dl), then bash tests/mongodb/install-ferretdb.sh`,
    files: [],
  } as const
  if (pretendMissing('mongodb')) return { ...base, available: false, reason: 'GONGYU_MACHINE_WITHOUT names mongodb' }
  if (isMongoUri(process.env.DATABASE_URI) || builtFerretDB()) return { ...base, available: true, reason: '' }
  // Not built yet: the mongodb project's global set-up builds it when this machine's Go can.
  const go = goExecutable()
  if (!go) return { ...base, available: false, reason: 'no DATABASE_URI=mongodb://…, no FerretDB built and no Go toolchain to build it' }
  const version = goVersionOf(go)
  if (!goVersionAtLeast(version, requiredGoVersion())) {
    return { ...base, available: false, reason: `no FerretDB built, and ${go} is ${version}, older than the go ${requiredGoVersion()} its go.mod needs` }
  }
  return { ...base, available: true, reason: '' }
}

/**
 * The Meilisearch server binary for the live search tests: MEILI_BIN, else
 * the one built for this project's tests beside the checkout
 * (`../shared/bin/meilisearch`, see its README).
 */
export function meilisearchExecutable(): string | undefined {
  if (process.env.MEILI_BIN) return isExecutable(process.env.MEILI_BIN) ? process.env.MEILI_BIN : undefined
  const beside = path.join(repositoryRoot, '..', 'shared', 'bin', 'meilisearch')
  // A server installed from a package or release is on PATH.
  return isExecutable(beside) ? beside : findExecutable('meilisearch')
}

/** Test files that run against a real Meilisearch (each skips only its live tests when it is missing). */
export const meilisearchTestFiles = [
  'tests/int/meilisearchApi.spec.ts',
  'tests/int/meilisearchWidgetTraditional.spec.ts',
  'tests/int/searchContract.int.spec.ts',
  'tests/int/searchSync.int.spec.ts',
  'tests/mongodb/multiInstance.int.spec.ts',
] as const

function meilisearchState(): CapabilityState {
  const base = {
    capability: 'meilisearch',
    install:
      'put a Meilisearch ≥ 1.50 server binary at ../shared/bin/meilisearch or name it with MEILI_BIN=/path/to/meilisearch, or point MEILI_HOST (and MEILI_MASTER_KEY) at a running server',
    files: [],
    neededBy: `the live Meilisearch tests in ${meilisearchTestFiles.join(', ')}`,
  } as const
  if (pretendMissing('meilisearch')) return { ...base, available: false, reason: 'GONGYU_MACHINE_WITHOUT names meilisearch' }
  if (process.env.MEILI_HOST || meilisearchExecutable()) return { ...base, available: true, reason: '' }
  const reason = process.env.MEILI_BIN
    ? `MEILI_BIN=${process.env.MEILI_BIN} is not an executable file`
    : 'no MEILI_HOST, no MEILI_BIN, no ../shared/bin/meilisearch and no meilisearch on PATH'
  return { ...base, available: false, reason }
}

/** Test files that run against a real S3 server (SeaweedFS, built like FerretDB). */
export const objectStorageTestFiles = ['tests/int/objectStorage.int.spec.ts'] as const

function s3State(): CapabilityState {
  const base = {
    capability: 's3',
    install: `Go ≥ ${seaweedfsGoVersion()} (https://go.dev/dl when Debian's golang-go is older), then bash tests/s3/install-seaweedfs.sh`,
    files: objectStorageTestFiles,
  } as const
  if (pretendMissing('s3')) return { ...base, available: false, reason: 'GONGYU_MACHINE_WITHOUT names s3' }
  if (builtSeaweedFS()) return { ...base, available: true, reason: '' }
  // Not built yet: prepareMachine builds it, or the test's own set-up does (once per machine) when this machine's Go can.
  const go = goExecutable()
  if (!go) return { ...base, available: false, reason: 'no SeaweedFS built and no Go toolchain to build it' }
  const version = goVersionOf(go)
  if (!goVersionAtLeast(version, seaweedfsGoVersion())) {
    return { ...base, available: false, reason: `no SeaweedFS built, and ${go} is ${version}, older than the go ${seaweedfsGoVersion()} its go.mod needs` }
  }
  return { ...base, available: true, reason: '' }
}

/** Inspects the machine (fast: file look-ups, no process when everything is present). */
export function machineCapabilities(): CapabilityState[] {
  return [chromiumState(), videoState(), mongodbState(), meilisearchState(), s3State()]
}

/**
 * Whether a missing capability must stop the run instead of skipping tests:
 * GONGYU_REQUIRE_MONGODB=1 requires the MongoDB suite, GONGYU_REQUIRE_MACHINE=1 (CI) everything.
 */
export function isRequired(state: CapabilityState): boolean {
  if (process.env.GONGYU_REQUIRE_MACHINE === '1') return true
  return state.capability === 'mongodb' && process.env.GONGYU_REQUIRE_MONGODB === '1'
}

/**
 * In a test worker: whether the Vitest config found the capability missing
 * (it passes the missing ones in GONGYU_MACHINE_MISSING), for a single test
 * inside a file that otherwise runs everywhere.
 */
export function machineLacks(capability: Capability): boolean {
  return (process.env.GONGYU_MACHINE_MISSING ?? '').split(',').includes(capability)
}
