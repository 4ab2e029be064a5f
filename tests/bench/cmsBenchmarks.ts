import { readStarterContent, type StarterContent } from '@gongyu/seed/content'
import { loadStarterContent } from '@gongyu/seed/load'
import { bankSubset } from '../fixtures/bankSubset.ts'
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
        const { docs } = await t.payload.find({ collection: 'lessons', where: { grade: { equals: grade } }, sort: 'sequence', limit: 20, overrideAccess: false, depth: 1 })
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

/** CMS figures: SQLite with the full bank; MongoDB wire protocol on DATABASE_URI (full bank) or FerretDB (a slice). */
export async function cmsBenchmarks(): Promise<Record<string, unknown>> {
  const full = readStarterContent()
  const results: Record<string, unknown> = {}
  process.env.GONGYU_TEST_DATABASE = 'sqlite'
  results.sqlite = await benchmarkDatabase(full)

  process.env.GONGYU_TEST_DATABASE = 'mongodb'
  if (/^mongodb(\+srv)?:\/\//.test(process.env.DATABASE_URI ?? '')) {
    process.env.GONGYU_TEST_MONGODB_URI = process.env.DATABASE_URI
    process.env.GONGYU_TEST_MONGODB_SERVER = 'mongodb'
    results.mongodb = { server: 'DATABASE_URI', ...(await benchmarkDatabase(full)) }
    return results
  }
  const binary = ferretdbBinary()
  if ('missing' in binary) {
    results.mongodb = { skipped: `FerretDB unavailable: ${binary.missing}` }
    return results
  }
  const server = await startFerretDB(binary.path)
  try {
    process.env.GONGYU_TEST_MONGODB_URI = server.uri
    process.env.GONGYU_TEST_MONGODB_SERVER = 'ferretdb'
    results.mongodb = {
      server: 'FerretDB v1.24.2, SQLite storage',
      note: 'FerretDB v1 scans without indexes, so each save slows as collections grow; the full bank would take over an hour. This is a slice (grade k1 and the special-needs track); real MongoDB uses the indexes.',
      ...(await benchmarkDatabase(bankSubset(full, ['k1', 'special']))),
    }
    process.env.GONGYU_TEST_DATABASE = 'sqlite'
    results.sqliteSameSlice = await benchmarkDatabase(bankSubset(full, ['k1', 'special']))
  } finally {
    await server.stop()
  }
  return results
}
