import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { bankInputsKey, TEST_CACHE_ROOT } from '../helpers/cachedFolder.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    testBankCacheFolder: string
  }
}

/** Banks of older code are removed once unused for this long (another run may still be copying one). */
const UNUSED_FOR_MS = 6 * 60 * 60 * 1000

/**
 * Global set-up of the projects that start from a seeded bank: hashes the
 * seed content and the CMS code once per run and tells the test files where
 * the banks for this code live (tests/helpers/seededBank.ts builds each on
 * first use). Banks made for older code and unused for hours are removed.
 */
export default function setup(project: TestProject): void {
  const key = bankInputsKey()
  project.provide('testBankCacheFolder', path.join(TEST_CACHE_ROOT, key))
  mkdirSync(TEST_CACHE_ROOT, { recursive: true })
  for (const entry of readdirSync(TEST_CACHE_ROOT, { withFileTypes: true }).filter((candidate) => candidate.isDirectory())) {
    const folder = path.join(TEST_CACHE_ROOT, entry.name)
    if (entry.name !== key && Date.now() - statSync(folder).mtimeMs > UNUSED_FOR_MS) rmSync(folder, { recursive: true, force: true })
  }
}
