import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { machineCacheRoot } from '../setup/machineCache.ts'

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Where seeded banks live: the machine's cache folder (as for the FerretDB build), so every
 * checkout on a warm machine, including CI's fresh clone, reuses them. Safe to share: the key
 * hashes file contents and repository-relative paths, never where the checkout is.
 */
export const TEST_CACHE_ROOT = path.join(machineCacheRoot(), 'test-banks')

/**
 * Everything a seeded database can depend on: the starter content and its
 * loader, the CMS (collections, hooks, config, the seed and start scripts),
 * the shared contract and search code, the locked dependency versions and the
 * test helpers that build the banks. A change to any of them gives a new key,
 * so a stale bank is never used.
 */
const INPUTS = [
  'seed',
  'cms/src',
  'cms/scripts',
  'cms/package.json',
  'contract/src',
  'search/src',
  'scripts',
  'package-lock.json',
  'tests/helpers/cachedFolder.ts',
  'tests/helpers/seededBank.ts',
  'tests/helpers/testPayload.ts',
  'tests/helpers/testDatabase.ts',
  'tests/helpers/cmsServer.ts',
  'tests/fixtures/bankSubset.ts',
]
const SKIPPED_FOLDERS = new Set(['node_modules', '.next', '.astro', 'dist', '.cache'])

function addFiles(hash: ReturnType<typeof createHash>, absolute: string): void {
  const stat = statSync(absolute, { throwIfNoEntry: false })
  if (!stat) return
  if (stat.isDirectory()) {
    for (const entry of readdirSync(absolute).sort()) {
      if (!SKIPPED_FOLDERS.has(entry)) addFiles(hash, path.join(absolute, entry))
    }
    return
  }
  hash.update(path.relative(repositoryRoot, absolute))
  hash.update('\0')
  hash.update(readFileSync(absolute))
  hash.update('\0')
}

/** A hash of every file a seeded bank depends on (see INPUTS). */
export function bankInputsKey(): string {
  const hash = createHash('sha256')
  for (const input of INPUTS) addFiles(hash, path.join(repositoryRoot, input))
  return hash.digest('hex').slice(0, 16)
}

let folderOfThisProcess: string | undefined

/**
 * The cache folder for the current code: the one the Vitest global set-up
 * (tests/setup/testBankCache.ts) provides, or, outside Vitest (the bench),
 * one computed here.
 */
export async function bankCacheFolder(): Promise<string> {
  if (folderOfThisProcess) return folderOfThisProcess
  let provided: string | undefined
  if (process.env.VITEST) {
    const { inject } = await import('vitest')
    provided = inject('testBankCacheFolder')
  }
  folderOfThisProcess = provided ?? path.join(TEST_CACHE_ROOT, bankInputsKey())
  return folderOfThisProcess
}

function lockIsStale(lock: string): boolean {
  let owner: number
  try {
    owner = Number(readFileSync(path.join(lock, 'pid'), 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    // Taken a moment ago and not yet written (or gone already): stale only when that moment is long past.
    const stat = statSync(lock, { throwIfNoEntry: false })
    return stat !== undefined && Date.now() - stat.mtimeMs > 30_000
  }
  try {
    process.kill(owner, 0)
    return false
  } catch (error) {
    // ESRCH: the process that took the lock is gone (EPERM would mean it runs under another user).
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/**
 * A folder made once by `build` and kept for later runs with the same code.
 * Test files in parallel workers that need the same folder wait for the one
 * that builds it (a lock folder beside it), so it is built once per run at
 * most and once per code change in practice. Callers must copy, not modify.
 */
export async function cachedFolder(name: string, build: (folder: string) => Promise<void>): Promise<string> {
  const root = await bankCacheFolder()
  const target = path.join(root, name)
  const lock = `${target}.lock`
  mkdirSync(root, { recursive: true })
  for (;;) {
    if (existsSync(target)) {
      // Marks the key as in use, so the global set-up's clean-up keeps it.
      const now = new Date()
      utimesSync(root, now, now)
      return target
    }
    try {
      mkdirSync(lock)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (lockIsStale(lock)) rmSync(lock, { recursive: true, force: true })
      else await new Promise((resolve) => setTimeout(resolve, 500))
      continue
    }
    const staging = `${target}.staging-${process.pid}`
    try {
      writeFileSync(path.join(lock, 'pid'), String(process.pid))
      rmSync(staging, { recursive: true, force: true })
      mkdirSync(staging)
      const started = performance.now()
      await build(staging)
      renameSync(staging, target)
      console.log(`[test bank] built ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s (cached in ${path.relative(repositoryRoot, target)})`)
    } finally {
      rmSync(staging, { recursive: true, force: true })
      rmSync(lock, { recursive: true, force: true })
    }
  }
}
