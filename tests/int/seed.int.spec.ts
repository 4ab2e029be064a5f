import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadStarterContent } from '@gongyu/seed/load'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

let t: TestPayload

beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

describe('seed loader', () => {
  it('loads the starter bank and a second run gives the same counts', async () => {
    const first = await loadStarterContent(t.payload)
    const countAll = async () =>
      Object.fromEntries(
        await Promise.all(
          (['lessons', 'micro-lessons', 'case-studies', 'lesson-plans', 'activity-plans', 'themes', 'organizations', 'course-lists'] as const).map(
            async (collection) => [collection, (await t.payload.count({ collection, overrideAccess: true })).totalDocs] as const,
          ),
        ),
      )
    const afterFirst = await countAll()
    const second = await loadStarterContent(t.payload)
    expect(await countAll()).toEqual(afterFirst)
    expect(second.lessons?.created).toBe(0)
    expect(second.lessons?.updated).toBe(first.lessons?.total)
    console.log(afterFirst)
  })
})
