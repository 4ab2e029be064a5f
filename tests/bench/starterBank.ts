import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The starter bank as the sections read it: a data folder seeded by `npm run seed`, with its export. */
export interface StarterBank {
  dataDir: string
  /** The SQLite file `npm run seed` filled; sections copy it and never write to it. */
  databaseFile: string
  /** The folder holding `published.json`, as `npm run export` wrote it. */
  exportDir: string
}

/** The minimal shape of an export record the benchmarks read. */
export interface ExportedRecord {
  type: string
  url: string
  grades: string[]
  sequence: number | null
}

const bankOf = (dataDir: string): StarterBank => ({
  dataDir,
  databaseFile: path.join(dataDir, 'gongyu.db'),
  exportDir: path.join(dataDir, 'published'),
})

/**
 * Seeds the full starter bank into a fresh data folder and exports it, the
 * way a newcomer does (`npm run seed`, then `npm run export`), once per
 * `npm run bench`; returns the wall time of each step.
 */
export function prepareStarterBank(dataDir: string): Record<string, unknown> {
  mkdirSync(dataDir, { recursive: true })
  const bank = bankOf(dataDir)
  const env = {
    ...process.env,
    // Payload pushes the SQLite schema only outside production and test.
    NODE_ENV: 'development' as const,
    GONGYU_DATA_DIR: dataDir,
    DATABASE_URI: `file:${bank.databaseFile}`,
    GONGYU_EXPORT_DIR: bank.exportDir,
  }
  const seconds: Record<string, number> = {}
  for (const script of ['seed', 'export']) {
    const started = performance.now()
    // Inherited output is this child's stdout, which the bench runner sends to stderr.
    const run = spawnSync('npm', ['run', script], { cwd: repositoryRoot, env, stdio: 'inherit' })
    if (run.status !== 0) throw new Error(`npm run ${script} failed with code ${run.status}`)
    seconds[script] = Math.round((performance.now() - started) / 100) / 10
  }
  const records = (JSON.parse(readFileSync(path.join(bank.exportDir, 'published.json'), 'utf8')) as { records: unknown[] }).records.length
  const figures = { records, seedWallSeconds: seconds.seed, exportWallSeconds: seconds.export }
  writeFileSync(path.join(dataDir, 'bank-figures.json'), JSON.stringify(figures))
  return figures
}

/**
 * The bank this run prepared (GONGYU_BENCH_BANK_DIR, set by the runner), or
 * a data folder of your own given the same way, already seeded and exported.
 */
export function starterBank(): StarterBank {
  const dataDir = process.env.GONGYU_BENCH_BANK_DIR
  if (!dataDir) throw new Error('GONGYU_BENCH_BANK_DIR is not set: run the benchmarks through `npm run bench`')
  const bank = bankOf(path.resolve(dataDir))
  for (const file of [bank.databaseFile, path.join(bank.exportDir, 'published.json')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: GONGYU_BENCH_BANK_DIR must be a data folder after \`npm run seed\` and \`npm run export\``)
  }
  return bank
}

/** The figures of the bank's seeding, when this run seeded it. */
export function starterBankFigures(): Record<string, unknown> | null {
  const file = path.join(starterBank().dataDir, 'bank-figures.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : null
}

/** A private copy of the bank's database in `folder`, for a section that opens it with Payload. */
export function copyOfBankDatabase(folder: string): string {
  mkdirSync(folder, { recursive: true })
  const copy = path.join(folder, 'gongyu.db')
  // The database is in WAL mode: its latest commits may still sit in the -wal file beside it.
  for (const suffix of ['', '-wal']) {
    if (existsSync(starterBank().databaseFile + suffix)) copyFileSync(starterBank().databaseFile + suffix, copy + suffix)
  }
  return copy
}
