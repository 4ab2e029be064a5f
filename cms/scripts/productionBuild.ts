// The production build `npm start` serves: built once, and built again only when the code it is
// made from changes. A hash of that code is written beside the build after a successful
// `next build --webpack`; a start whose hash matches reuses the build (CI builds once per run).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Files and folders (relative to the repository root) the Next build is made from. */
const BUILD_INPUTS = [
  'package-lock.json',
  'tsconfig.base.json',
  'cms/package.json',
  'cms/tsconfig.json',
  'cms/next.config.mjs',
  'cms/src',
  'search/package.json',
  'search/src',
  'seed/package.json',
  'seed/src',
]

/** Unit tests sit beside the code but never reach the build. */
const isBuildInput = (file: string): boolean => !/\.test\.tsx?$/.test(file)

function filesUnder(absolute: string): string[] {
  if (!existsSync(absolute)) return []
  return readdirSync(absolute, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

/** A SHA-256 over the path and content of every build input, in a stable order. */
export function buildInputsHash(repositoryRoot: string): string {
  const files: string[] = []
  for (const input of BUILD_INPUTS) {
    const absolute = path.join(repositoryRoot, input)
    if (/\.[a-z]+$/.test(input)) {
      if (existsSync(absolute)) files.push(absolute)
    } else {
      files.push(...filesUnder(absolute).filter(isBuildInput))
    }
  }
  const hash = createHash('sha256')
  for (const file of files.map((one) => path.relative(repositoryRoot, one)).sort()) {
    hash.update(`${file}\0`)
    hash.update(readFileSync(path.join(repositoryRoot, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/** Where the hash of the build's inputs is written; inside `.next`, so a deleted build is never taken for current. */
const stampFile = (cmsRoot: string): string => path.join(cmsRoot, '.next', 'gongyu-build-stamp')

/** True when `.next` holds a finished build of exactly this code. */
export function buildIsCurrent(cmsRoot: string, hash: string): boolean {
  if (!existsSync(path.join(cmsRoot, '.next', 'BUILD_ID'))) return false
  try {
    return readFileSync(stampFile(cmsRoot), 'utf8').trim() === hash
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes the build lock (a folder: `mkdir` is atomic), so two starts at once
 * (two test files, two terminals) never write `.next` together. A lock left
 * by a process that no longer exists is taken over.
 */
async function withBuildLock<T>(cmsRoot: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(cmsRoot, '.next-build.lock')
  const owner = path.join(lock, 'pid')
  let announced = false
  for (;;) {
    try {
      mkdirSync(lock)
      writeFileSync(owner, String(process.pid))
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      let pid = Number.NaN
      try {
        pid = Number(readFileSync(owner, 'utf8'))
      } catch (readError) {
        // The owner has made the folder but not yet written its pid: wait for it.
        if ((readError as NodeJS.ErrnoException).code !== 'ENOENT') throw readError
      }
      if (Number.isInteger(pid) && !processIsAlive(pid)) {
        rmSync(lock, { recursive: true, force: true })
        continue
      }
      if (!announced) console.log('另一个进程正在构建后台，等待它完成……')
      announced = true
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
  try {
    return await work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

function runNextBuild(cmsRoot: string, nextBin: string): Promise<void> {
  const child = spawn(process.execPath, [nextBin, 'build', '--webpack'], {
    cwd: cmsRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1' },
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`后台构建失败（next build 退出码 ${code ?? signal}）。请查看上面的错误信息。`))
    })
  })
}

/**
 * Makes sure `.next` holds a production build of the current code: reuses it
 * when the stamp matches, otherwise runs `next build --webpack` (as Payload's
 * templates do) and writes the stamp only after it succeeds.
 */
export async function ensureProductionBuild(cmsRoot: string, nextBin: string): Promise<'reused' | 'built'> {
  const repositoryRoot = path.resolve(cmsRoot, '..')
  if (buildIsCurrent(cmsRoot, buildInputsHash(repositoryRoot))) return 'reused'
  return withBuildLock(cmsRoot, async () => {
    // Hash again under the lock: another start may have just built this very code.
    const hash = buildInputsHash(repositoryRoot)
    if (buildIsCurrent(cmsRoot, hash)) return 'reused'
    console.log('\n后台代码有变化（或还没有构建过），正在构建生产版本，需要几分钟……')
    await runNextBuild(cmsRoot, nextBin)
    writeFileSync(stampFile(cmsRoot), `${hash}\n`)
    return 'built'
  })
}
