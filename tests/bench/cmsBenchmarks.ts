import { isMongoUri } from '@gongyu/cms/database-kind'
import { readStarterContent, type StarterContent } from '@gongyu/seed/content'
import { loadStarterContent } from '@gongyu/seed/load'
import { bankSubset, FERRETDB_SEED_SLICE } from '../fixtures/bankSubset.ts'
import { ferretdbBinary, startFerretDB } from '../helpers/ferretdb.ts'
import { startTestPayload } from '../helpers/testPayload.ts'
import { ms, percentile } from './stats.ts'

const READ_ROUNDS = 10

function describeCorpus(content: StarterContent): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of content.files) counts[item.kind] = (counts[item.kind] ?? 0) + 1
  return counts
}

/**
 * Seeds a corpus into a fresh database of the current target and times
 * reading each loaded grade's 20 published lessons through the Local API as
 * an anonymous reader.
 */
async function benchmarkDatabase(content: StarterContent): Promise<Record<string, unknown>> {
  const t = await startTestPayload()
  try {
    const seedStarted = performance.now()
    await loadStarterContent(t.payload, { content })
    const seedSeconds = (performance.now() - seedStarted) / 1000
    const loadedGrades = [...new Set(content.files.filter((item) => item.kind === 'lesson').map((item) => String(item.data.grade)))]
    const timings: number[] = []
    for (let round = 0; round < READ_ROUNDS; round += 1) {
      for (const grade of loadedGrades) {
        const started = performance.now()
        const { docs } = await t.payload.find({
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
    return {
      corpus: describeCorpus(content),
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      readGradeLessons: { samples: timings.length, p50Ms: ms(percentile(timings, 50)), p95Ms: ms(percentile(timings, 95)) },
    }
  } finally {
    await t.close()
  }
}

type Target = { database: 'sqlite' } | { database: 'mongodb'; uri: string; server: 'ferretdb' | 'mongodb' }

/**
 * Runs one database benchmark in a child process: Payload caches its SQLite
 * schema push per process, so each database gets a process of its own.
 */
async function inChildProcess(target: Target, slice: string[] | 'full'): Promise<Record<string, unknown>> {
  const { execFile } = await import('node:child_process')
  const env = {
    ...process.env,
    GONGYU_TEST_DATABASE: target.database,
    GONGYU_TEST_MONGODB_URI: target.database === 'mongodb' ? target.uri : '',
    GONGYU_TEST_MONGODB_SERVER: target.database === 'mongodb' ? target.server : '',
    GONGYU_BENCH_SLICE: slice === 'full' ? '' : slice.join(','),
  }
  const script = new URL('./cmsBenchmarkChild.ts', import.meta.url).pathname
  return new Promise((resolve, reject) => {
    execFile('tsx', [script], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      const line = stdout
        .split('\n')
        .reverse()
        .find((candidate) => candidate.startsWith('{"corpus"'))
      if (line) resolve(JSON.parse(line) as Record<string, unknown>)
      else reject(error ?? new Error('benchmark child printed no result'))
    })
  })
}

/** Benchmarks the current database target, as configured by the parent's environment. */
export async function benchmarkFromEnvironment(): Promise<Record<string, unknown>> {
  const slice = process.env.GONGYU_BENCH_SLICE
  const full = readStarterContent()
  return benchmarkDatabase(slice ? bankSubset(full, slice.split(',')) : full)
}

/** CMS figures: SQLite with the full bank; MongoDB wire protocol on DATABASE_URI (full bank) or FerretDB (a slice). */
export async function cmsBenchmarks(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = { sqlite: await inChildProcess({ database: 'sqlite' }, 'full') }
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
