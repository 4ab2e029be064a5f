import { grades } from '@gongyu/search/vocabulary'
import { loadStarterContent } from '@gongyu/seed/load'
import { startTestPayload } from '../helpers/testPayload.ts'
import { ms, percentile } from './stats.ts'

const READS_PER_GRADE = 10

/**
 * Seeds the full starter bank into a fresh database (the one `DATABASE_URI`
 * selects, SQLite by default) and times reading each grade's 20 published
 * lessons through the Local API as an anonymous reader.
 */
export async function cmsBenchmarks(): Promise<Record<string, unknown>> {
  const t = await startTestPayload()
  try {
    const seedStarted = performance.now()
    await loadStarterContent(t.payload)
    const seedSeconds = (performance.now() - seedStarted) / 1000

    const timings: number[] = []
    for (let round = 0; round < READS_PER_GRADE; round += 1) {
      for (const grade of grades) {
        const started = performance.now()
        const { docs } = await t.payload.find({
          collection: 'lessons',
          where: { grade: { equals: grade.code } },
          sort: 'sequence',
          limit: 20,
          overrideAccess: false,
          depth: 1,
        })
        timings.push(performance.now() - started)
        if (docs.length !== 20) throw new Error(`${grade.label}只读到 ${docs.length} 课`)
      }
    }
    return {
      database: process.env.DATABASE_URI ? 'mongodb' : 'sqlite',
      seedFullBankSeconds: Math.round(seedSeconds * 10) / 10,
      readGradeLessons: { samples: timings.length, p50Ms: ms(percentile(timings, 50)), p95Ms: ms(percentile(timings, 95)) },
    }
  } finally {
    await t.close()
  }
}
