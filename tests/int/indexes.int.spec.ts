import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { type ApiJson, startTestPayload, type TestPayload } from '../helpers/testPayload.ts'
import { testDatabaseTarget } from '../helpers/testDatabase.ts'

interface IndexInfo {
  fields: string[]
  unique: boolean
}

let t: TestPayload

beforeAll(async () => {
  t = await startTestPayload()
  await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })
})
afterAll(async () => {
  await t?.close()
})

/** The indexes the database itself holds for a collection's main table, read from the database. */
async function indexesOf(collection: string): Promise<IndexInfo[]> {
  const target = await testDatabaseTarget()
  const db = t.payload.db as unknown as Record<string, ApiJson>
  if (target.kind === 'mongodb') {
    // Wait for mongoose's automatic index build, which runs in the background on the test server.
    await db.collections[collection].init()
    const indexes: { key: Record<string, number>; unique?: boolean }[] = await db.collections[collection].collection.indexes()
    return indexes.map((index) => ({ fields: Object.keys(index.key), unique: Boolean(index.unique) }))
  }
  const table = collection.replace(/-/g, '_')
  const list = await db.client.execute(`PRAGMA index_list('${table}')`)
  const result: IndexInfo[] = []
  for (const row of list.rows as unknown as { name: string; unique: number }[]) {
    const info = await db.client.execute(`PRAGMA index_info('${row.name}')`)
    result.push({ fields: (info.rows as unknown as { name: string }[]).map((column) => column.name), unique: Number(row.unique) === 1 })
  }
  return result
}

describe('database indexes', () => {
  it.each([
    'lessons',
    'micro-lessons',
    'case-studies',
    'lesson-plans',
    'activity-plans',
    'events',
    'themes',
    'organizations',
    'course-lists',
  ])('%s has a unique index on slug', async (collection) => {
    expect(await indexesOf(collection)).toContainEqual({ fields: ['slug'], unique: true })
  })

  it('lessons have a unique compound index on (grade, sequence)', async () => {
    expect(await indexesOf('lessons')).toContainEqual({ fields: ['grade', 'sequence'], unique: true })
  })

  // Straight to the adapter: no CMS hooks, so only the database's own index can refuse these.
  const rawInsert = (collection: 'lessons' | 'activity-plans', data: Record<string, unknown>) =>
    t.payload.db.create({ collection, data: { ...data, _status: 'draft' } })

  it('the database itself refuses a duplicate (grade, sequence), even past the CMS hooks', async () => {
    await rawInsert('lessons', { title: '原有课程', slug: 'raw-lesson-one', grade: 'p6', sequence: 20 })
    await expect(rawInsert('lessons', { title: '重复课程', slug: 'raw-lesson-two', grade: 'p6', sequence: 20 })).rejects.toThrow()
    await expect(rawInsert('lessons', { title: '同年级另一课', slug: 'raw-lesson-three', grade: 'p6', sequence: 19 })).resolves.toBeDefined()
  })

  it('the database itself refuses a duplicate slug, even past the CMS hooks', async () => {
    await rawInsert('activity-plans', { title: '原有活动', slug: 'raw-activity', occasion: 'family-day', month: 5 })
    await expect(rawInsert('activity-plans', { title: '重复活动', slug: 'raw-activity', occasion: 'family-day', month: 5 })).rejects.toThrow()
  })
})
