import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { isMongoUri } from '@gongyu/cms/database-kind'
import { readStarterContent, type StarterContent } from '@gongyu/seed/content'
import { loadStarterContent } from '@gongyu/seed/load'
import type { Payload } from 'payload'
import { bankSubset, FERRETDB_SEED_SLICE } from '../fixtures/bankSubset.ts'
import { ferretdbBinary, startFerretDB } from '../helpers/ferretdb.ts'
import { startTestPayload } from '../helpers/testPayload.ts'
import { runInChildProcess } from './childProcess.ts'
import { copyOfBankDatabase, starterBankFigures } from './starterBank.ts'
import { ms, percentile } from './stats.ts'

const READ_ROUNDS = 10

/** A slice seeded on a fresh database can take minutes (FerretDB scans); the full bank only opens a copy. */
const CHILD_TIMEOUT_MS = 8 * 60_000

function describeCorpus(content: StarterContent): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of content.files) counts[item.kind] = (counts[item.kind] ?? 0) + 1
  return counts
}

/** Times reading each grade's 20 published lessons through the Local API as an anonymous reader. */
async function timeGradeReads(payload: Payload, grades: string[]): Promise<Record<string, number>> {
  const timings: number[] = []
  for (let round = 0; round < READ_ROUNDS; round += 1) {
    for (const grade of grades) {
      const started = performance.now()
      const { docs } = await payload.find({
        collection: 'lessons',
        where: { grade: { equals: grade } },
        sort: 'sequence',
        limit: 20,
        overrideAccess: false,
        depth: 1,
      })
      timings.push(performance.now() - started)
      if (docs.length !== 20) throw new Error(`${grade} returned ${docs.length} lessons`)
    }
  }
  return { samples: timings.length, p50Ms: ms(percentile(timings, 50)), p95Ms: ms(percentile(timings, 95)) }
}

const lessonGrades = (content: StarterContent) => [...new Set(content.files.filter((item) => item.kind === 'lesson').map((item) => String(item.data.grade)))]

/** Seeds a slice of the bank into a fresh database of the current target, then times the reads. */
async function benchmarkSeededSlice(content: StarterContent): Promise<Record<string, unknown>> {
  const t = await startTestPayload()
  try {
    const seedStarted = performance.now()
    await loadStarterContent(t.payload, { content })
    const seedSeconds = (performance.now() - seedStarted) / 1000
    return {
      corpus: describeCorpus(content),
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      readGradeLessons: await timeGradeReads(t.payload, lessonGrades(content)),
    }
  } finally {
    await t.close()
  }
}

/** Opens a copy of the run's seeded starter bank (SQLite) and times the reads on it. */
async function benchmarkStarterBank(): Promise<Record<string, unknown>> {
  const folder = mkdtempSync(path.join(tmpdir(), 'gongyu-cms-bench-'))
  try {
    const databaseFile = copyOfBankDatabase(folder)
    process.env.GONGYU_DATA_DIR = folder
    process.env.PAYLOAD_SECRET ??= 'gongyu-bench-secret'
    const { buildGongyuConfig } = await import('@gongyu/cms/config-builder')
    const { databaseAdapter } = await import('@gongyu/cms/database')
    const config = await buildGongyuConfig({ db: databaseAdapter({ ...process.env, DATABASE_URI: `file:${databaseFile}` }) })
    const { getPayload } = await import('payload')
    const payload = await getPayload({ config, key: folder })
    try {
      const content = readStarterContent()
      return {
        corpus: describeCorpus(content),
        seeding: starterBankFigures() ?? 'a bank seeded before this run (GONGYU_BENCH_BANK_DIR)',
        readGradeLessons: await timeGradeReads(payload, lessonGrades(content)),
      }
    } finally {
      await payload.destroy()
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

type Target = { database: 'sqlite' } | { database: 'mongodb'; uri: string; server: 'ferretdb' | 'mongodb' }

/**
 * Runs one database benchmark in a child process (cmsBenchmarkChild.ts):
 * Payload caches its SQLite schema push per process, so each database gets a
 * process of its own.
 */
function inChildProcess(target: Target, corpus: string[] | 'bank' | 'full'): Promise<Record<string, unknown>> {
  return runInChildProcess({
    script: new URL('./cmsBenchmarkChild.ts', import.meta.url).pathname,
    env: {
      GONGYU_TEST_DATABASE: target.database,
      GONGYU_TEST_MONGODB_URI: target.database === 'mongodb' ? target.uri : '',
      GONGYU_TEST_MONGODB_SERVER: target.database === 'mongodb' ? target.server : '',
      GONGYU_BENCH_CORPUS: Array.isArray(corpus) ? corpus.join(',') : corpus,
    },
    timeoutMs: CHILD_TIMEOUT_MS,
  })
}

/** Benchmarks the database target and corpus the parent put in the environment. */
export async function benchmarkFromEnvironment(): Promise<Record<string, unknown>> {
  const corpus = process.env.GONGYU_BENCH_CORPUS ?? 'bank'
  if (corpus === 'bank') return benchmarkStarterBank()
  const full = readStarterContent()
  return benchmarkSeededSlice(corpus === 'full' ? full : bankSubset(full, corpus.split(',')))
}

/**
 * CMS figures: reads on the full bank in SQLite (seeded once for the run by
 * `npm run seed`); the MongoDB wire protocol on DATABASE_URI (full bank) or
 * FerretDB (a slice, with the same slice on SQLite beside it).
 */
export async function cmsBenchmarks(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = { sqlite: await inChildProcess({ database: 'sqlite' }, 'bank') }
  if (isMongoUri(process.env.DATABASE_URI)) {
    results.mongodb = {
      server: 'DATABASE_URI',
      ...(await inChildProcess({ database: 'mongodb', uri: process.env.DATABASE_URI as string, server: 'mongodb' }, 'full')),
    }
    return results
  }
  const binary = ferretdbBinary()
  if ('missing' in binary) {
    results.mongodb = { skipped: `FerretDB unavailable: ${binary.missing}` }
    return results
  }
  const server = await startFerretDB(binary.path)
  try {
    results.mongodbWireProtocol = {
      server: 'FerretDB v1.24.2, SQLite storage',
      note: 'FerretDB v1 scans instead of using indexes, so each save slows as collections grow and the full bank would take over an hour; this is a slice (grade k1 and the special-needs track). sqliteSameSlice is the same slice on SQLite.',
      ...(await inChildProcess({ database: 'mongodb', uri: server.uri, server: 'ferretdb' }, FERRETDB_SEED_SLICE)),
    }
  } finally {
    await server.stop()
  }
  results.sqliteSameSlice = await inChildProcess({ database: 'sqlite' }, FERRETDB_SEED_SLICE)
  return results
}
