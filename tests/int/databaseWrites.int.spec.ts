import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

let t: TestPayload

beforeAll(async () => {
  t = await startTestPayload()
}, 120_000)

afterAll(async () => {
  await t?.close()
})

const theme = (slug: string) => ({ name: `并发测试 ${slug}`, slug })

async function themeExists(id: string | number): Promise<boolean> {
  const found = await t.payload.find({ collection: 'themes', where: { id: { equals: id } }, overrideAccess: true, depth: 0 })
  return found.totalDocs === 1
}

describe('saves that meet on the database', () => {
  it('keeps an open save and a write Payload makes outside any transaction (a job’s state, a document lock) at the same moment', async () => {
    const id = await t.payload.db.beginTransaction()
    const req = { transactionID: id ?? undefined } as never
    const inside = await t.payload.create({ collection: 'themes', data: theme('inside-open-save'), req, overrideAccess: true })
    // On SQLite this used to fail with SQLITE_BUSY and leave the open save unable to commit, while it answered as saved.
    const outside = t.payload.db.create({ collection: 'themes', data: theme('outside-any-save') })
    await new Promise((resolve) => setTimeout(resolve, 50))
    if (id !== null) await t.payload.db.commitTransaction(id)
    const outsideDoc = await outside
    expect(await themeExists(inside.id)).toBe(true)
    expect(await themeExists(outsideDoc.id)).toBe(true)
    const later = await t.payload.create({ collection: 'themes', data: theme('after-both'), overrideAccess: true })
    expect(await themeExists(later.id)).toBe(true)
  })

  it('keeps every one of many saves sent together', async () => {
    const saves = Array.from({ length: 12 }, (_, index) =>
      index % 3 === 0
        ? t.payload.db.create({ collection: 'themes', data: theme(`together-raw-${index}`) })
        : t.payload.create({ collection: 'themes', data: theme(`together-${index}`), overrideAccess: true }),
    )
    const created = await Promise.all(saves)
    const found = await t.payload.find({ collection: 'themes', where: { slug: { like: 'together-' } }, overrideAccess: true, limit: 50, depth: 0 })
    expect(found.docs.map((doc) => doc.id).sort()).toEqual(created.map((doc) => doc.id).sort())
  })
})
