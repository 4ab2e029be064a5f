import type { Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentLimits } from '@gongyu/contract'
import { validData } from '../fixtures/contentFixtures.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

type Id = string | number

let t: TestPayload
let theme: Id

beforeAll(async () => {
  t = await startTestPayload()
  theme = (await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })).id
})
afterAll(async () => {
  await t?.close()
})

/** A lesson in 三年级 (p3) past the fixtures' sequences 1–20, so it never takes a place they hand out. */
function p3Lesson(sequence: number, title: string, core: boolean) {
  return { ...validData('lessons', { theme }), grade: 'p3', sequence, title, core }
}

async function publishedCoreCount(): Promise<number> {
  const where: Where = { and: [{ grade: { equals: 'p3' } }, { core: { equals: true } }, { _status: { equals: 'published' } }] }
  return (await t.payload.count({ collection: 'lessons', where, overrideAccess: true })).totalDocs
}

describe('core lessons: at most 20 published a grade (issue 14)', () => {
  it('refuses the 21st published core lesson in Chinese at the field, saves nothing of it, and lets it through once another is un-marked', async () => {
    const limit = contentLimits.coreLessonsPerGrade
    const core: Id[] = []
    for (let index = 1; index <= limit; index += 1) {
      const lesson = await t.payload.create({
        collection: 'lessons',
        data: { ...p3Lesson(100 + index, `三年级核心第 ${index} 课`, true), _status: 'published' } as never,
      })
      core.push(lesson.id)
    }
    expect(await publishedCoreCount()).toBe(limit)

    // More lessons are fine, and so is marking a draft: only the published core set is counted.
    const extra = await t.rest('POST', '/lessons', { as: 'reviewer', body: { ...p3Lesson(150, '三年级选学课', false), _status: 'published' } })
    expect(extra.status).toBe(201)
    const draft = await t.rest('POST', '/lessons?draft=true', { as: 'editor', body: p3Lesson(151, '三年级准备替换的核心课', true) })
    expect(draft.status).toBe(201)
    expect(draft.json.doc.core).toBe(true)

    const refused = await t.rest('PATCH', `/lessons/${draft.json.doc.id}`, { as: 'reviewer', body: { _status: 'published' } })
    expect(refused.status).toBe(400)
    const [error] = refused.json.errors
    // The summary names the field by its Chinese label; the field error carries the path the admin form marks.
    expect(error.message).toContain('核心课')
    expect(error.data.errors).toEqual([
      expect.objectContaining({ path: 'core', message: `三年级已有 ${limit} 节核心课（每个年级最多 ${limit} 节）。请先取消另一节的核心标记。` }),
    ])
    const stillDraft = await t.payload.findByID({ collection: 'lessons', id: draft.json.doc.id, draft: true, depth: 0 })
    expect(stillDraft._status).toBe('draft')
    expect(stillDraft.reviewState).not.toBe('approved')

    // A new lesson published straight away as core is refused too, and nothing of it is stored.
    const direct = await t.rest('POST', '/lessons', { as: 'reviewer', body: { ...p3Lesson(152, '三年级直接发布的核心课', true), _status: 'published' } })
    expect(direct.status).toBe(400)
    expect(direct.json.errors[0].data.errors[0]).toMatchObject({ path: 'core', message: expect.stringContaining(`三年级已有 ${limit} 节核心课`) })
    const stored = await t.payload.find({ collection: 'lessons', where: { sequence: { equals: 152 } }, draft: true, depth: 0 })
    expect(stored.totalDocs).toBe(0)

    // Republishing one of the 20 is no 21st; marking the non-core one core would be.
    expect((await t.rest('PATCH', `/lessons/${core[0]}`, { as: 'reviewer', body: { summary: '改过摘要再发布的核心课。', _status: 'published' } })).status).toBe(
      200,
    )
    expect((await t.rest('PATCH', `/lessons/${extra.json.doc.id}`, { as: 'reviewer', body: { core: true } })).status).toBe(400)
    expect(await publishedCoreCount()).toBe(limit)

    const unmarked = await t.rest('PATCH', `/lessons/${core[1]}`, { as: 'reviewer', body: { core: false, _status: 'published' } })
    expect(unmarked.status).toBe(200)
    expect(unmarked.json.doc.core).toBe(false)
    const published = await t.rest('PATCH', `/lessons/${draft.json.doc.id}`, { as: 'reviewer', body: { _status: 'published' } })
    expect(published.status).toBe(200)
    expect(published.json.doc).toMatchObject({ core: true, _status: 'published' })
    expect(await publishedCoreCount()).toBe(limit)
  })
})
