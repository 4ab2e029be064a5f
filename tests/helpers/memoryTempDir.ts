import { accessSync, constants, statSync } from 'node:fs'
import { tmpdir } from 'node:os'

const SHARED_MEMORY = '/dev/shm'

/**
 * A folder for throwaway databases: the memory-backed /dev/shm when the
 * machine has one, else the usual temporary folder. On disk, SQLite's syncs
 * (hundreds per schema push) cost seconds per test file. Only for databases
 * and uploads: Astro moves files into its output folder by renaming, which
 * fails across file systems, so site builds stay in the usual folder.
 */
export function memoryTempDir(): string {
  try {
    if (!statSync(SHARED_MEMORY).isDirectory()) return tmpdir()
    accessSync(SHARED_MEMORY, constants.W_OK)
    return SHARED_MEMORY
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EACCES') return tmpdir()
    throw error
  }
}
