import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PublishedContent } from '@gongyu/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

// Issue 16, part 2: a bad head count gets a clear Chinese message and nothing of the save is kept, drafts included
// (Payload skips field validation for drafts, which is how a head count over a published list is saved).
type Id = string | number

let t: TestPayload
let lesson: Id
let theme: Id
const session = { startsAt: '2026-09-05T01:30:00.000Z', place: '城关镇中心小学', runBy: '班主任', hours: 2 }

beforeAll(async () => {
  t = await startTestPayload()
  theme = (await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })).id
  lesson = (await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), _status: 'published' } as never })).id
})
afterAll(async () => {
  await t?.close()
})

const itemsWith = (sessionData: Record<string, unknown>) => [{ resource: { relationTo: 'lessons', value: lesson }, note: '原来的备注', session: sessionData }]

async function publishedList(): Promise<Id> {
  const data = {
    ...validData('course-lists', { theme, organization: t.organizations.a }),
    items: itemsWith({ ...session, headCount: 12 }),
    _status: 'published',
  }
  return (await t.payload.create({ collection: 'course-lists', data: data as never })).id
}

async function stored(id: Id) {
  const doc = (await t.payload.findByID({ collection: 'course-lists', id, depth: 0, draft: true })) as unknown as {
    title: string
    items: { note?: string | null; session?: { headCount?: number | null } }[]
  }
  return { title: doc.title, note: doc.items[0]?.note, headCount: doc.items[0]?.session?.headCount }
}

const badCounts: [string, unknown, string][] = [
  ['negative', -3, '不能是负数'],
  ['not a whole number', 12.5, '要填整数'],
  ['absurdly large', 1_000_000, '不能超过 2000 人'],
  ['text', '三十', '要填整数'],
]

describe('recording a session head count', () => {
  for (const draft of [true, false]) {
    it.each(
      badCounts,
    )(`refuses a %s head count in Chinese and keeps nothing of the save (${draft ? 'draft' : 'publish'}, local API)`, async (_, headCount, message) => {
      const id = await publishedList()
      const before = await stored(id)
      const error = await t.payload
        .update({
          collection: 'course-lists',
          id,
          data: { title: '改过的标题', items: itemsWith({ ...session, headCount }) } as never,
          draft,
          overrideAccess: false,
          user: t.users.orgAdminA.user as never,
        })
        .then(
          () => undefined,
          (caught: unknown) => caught as { status?: number; data?: { errors?: { path: string; message: string }[] } },
        )
      expect(error?.status).toBe(400)
      const problem = error?.data?.errors?.find((entry) => entry.path === 'items.0.session.headCount')
      expect(problem?.message).toContain(message)
      expect(await stored(id)).toEqual(before)
    })
  }

  it.each(badCounts)('refuses a %s head count through REST with the message, and keeps nothing', async (_, headCount, message) => {
    const id = await publishedList()
    const before = await stored(id)
    const response = await t.rest('PATCH', `/course-lists/${id}?draft=true`, {
      as: 'orgAdminA',
      body: { title: '改过的标题', items: itemsWith({ ...session, headCount }) },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.json)).toContain(message)
    expect(await stored(id)).toEqual(before)
  })

  it('refuses a head count for a session without a start, naming the missing time', async () => {
    const id = await publishedList()
    const response = await t.rest('PATCH', `/course-lists/${id}?draft=true`, {
      as: 'orgAdminA',
      body: { items: itemsWith({ startsAt: null, headCount: 20 }) },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.json)).toContain('没有填日期和时间')
    expect((await stored(id)).headCount).toBe(12)
  })

  it('keeps the count an org-admin gives when creating its own list', async () => {
    const data = { ...validData('course-lists', { theme, organization: t.organizations.a }), items: itemsWith({ ...session, headCount: 9 }) }
    const created = await t.payload.create({
      collection: 'course-lists',
      data: data as never,
      overrideAccess: false,
      user: t.users.orgAdminA.user as never,
      draft: true,
    })
    expect((await stored(created.id)).headCount).toBe(9)
  })

  it('keeps a good count, none at all, and a session nobody came to', async () => {
    const id = await publishedList()
    for (const headCount of [45, 0, null]) {
      const response = await t.rest('PATCH', `/course-lists/${id}?draft=true`, { as: 'orgAdminA', body: { items: itemsWith({ ...session, headCount }) } })
      expect(response.status).toBe(200)
      expect((await stored(id)).headCount ?? null).toBe(headCount)
    }
  })

  it('publishes the session’s time, place, who runs it and hours, and never the head count', async () => {
    const id = await publishedList()
    const { slug } = (await t.payload.findByID({ collection: 'course-lists', id, depth: 0 })) as unknown as { slug: string }
    const folder = mkdtempSync(path.join(tmpdir(), 'gongyu-head-counts-'))
    try {
      const { PUBLISHED_EXPORT_FILE, writePublishedExport } = await import('@gongyu/cms/publishing')
      await writePublishedExport(t.payload, folder)
      const text = readFileSync(path.join(folder, PUBLISHED_EXPORT_FILE), 'utf8')
      const published = JSON.parse(text) as PublishedContent
      const list = published.courseLists.find((candidate) => candidate.slug === slug)
      expect(list?.items[0]?.session).toEqual({ startsAt: session.startsAt, place: session.place, runBy: session.runBy, hours: session.hours })
      expect(text).not.toContain('headCount')
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
