import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findReviewQueue } from '../../cms/src/admin/review/findReviewQueue.ts'
import { validData } from '../fixtures/contentFixtures.ts'
import { startTestPayload, type TestPayload, type TestRole } from '../helpers/testPayload.ts'

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

const userOf = (role: TestRole) => t.users[role].user as never

/** A lesson in 初三 (j3), a grade the shared fixtures leave empty in a file this small. */
function j3Lesson(sequence: number, title: string) {
  return { ...validData('lessons', { theme }), grade: 'j3', sequence, title }
}

async function draftAs(role: TestRole, data: Record<string, unknown>) {
  return t.payload.create({ collection: 'lessons', data: data as never, draft: true, overrideAccess: false, user: userOf(role) })
}

async function updateAs(role: TestRole, id: Id, data: Record<string, unknown>, draft: boolean) {
  return t.payload.update({ collection: 'lessons', id, data: data as never, draft, overrideAccess: false, user: userOf(role) })
}

describe('lessons past 20 in a grade (issue 14)', () => {
  it('takes a 21st lesson and one inserted between two, and keeps refusing a taken place in Chinese at the field', async () => {
    for (let sequence = 1; sequence <= 20; sequence += 1) {
      await t.payload.create({ collection: 'lessons', data: j3Lesson(sequence, `初三第 ${sequence} 课`) as never })
    }
    const twentyFirst = await t.rest('POST', '/lessons', { as: 'reviewer', body: { ...j3Lesson(21, '初三新增的第二十一课'), _status: 'published' } })
    expect(twentyFirst.status).toBe(201)
    const inserted = await t.rest('POST', '/lessons?draft=true', { as: 'editor', body: j3Lesson(5.5, '插在第 5 课和第 6 课之间') })
    expect(inserted.status).toBe(201)
    expect(inserted.json.doc.sequence).toBe(5.5)

    const taken = await t.rest('POST', '/lessons?draft=true', { as: 'editor', body: j3Lesson(5, '重复的第五课') })
    expect(taken.status).toBe(400)
    const [error] = taken.json.errors
    // The summary names the field by its Chinese label; the field error carries its path, which the admin form marks.
    expect(error.message).toContain('课序号')
    expect(error.message).not.toContain('sequence')
    expect(error.data.errors).toEqual([expect.objectContaining({ path: 'sequence', message: expect.stringContaining('初三已有第 5 课《初三第 5 课》') })])

    const malformed = await t.rest('POST', '/lessons?draft=true', { as: 'editor', body: j3Lesson(5.555, '三位小数') })
    expect(malformed.status).toBe(400)
    expect(malformed.json.errors[0].data.errors[0]).toMatchObject({ path: 'sequence', message: expect.stringContaining('最多 2 位小数') })

    const order = await t.payload.find({ collection: 'lessons', where: { grade: { equals: 'j3' } }, sort: 'sequence', limit: 30, draft: true, depth: 0 })
    expect(order.docs.map((doc) => doc.sequence).slice(4, 7)).toEqual([5, 5.5, 6])
    expect(order.docs.at(-1)?.sequence).toBe(21)
  })
})

describe('review states stay true (issue 14)', () => {
  it('a publish without a signed-in user, as the seed does, is 审核通过', async () => {
    const seeded = await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), _status: 'published' } as never })
    expect(seeded.reviewState).toBe('approved')
  })

  it('an edit saved as a draft after publishing is 编写中 again; a reviewer’s publish makes it 审核通过 again', async () => {
    const draft = await draftAs('editor', { ...validData('lessons', { theme }), reviewState: 'in-review' })
    const published = await updateAs('reviewer', draft.id, { _status: 'published' }, false)
    expect(published.reviewState).toBe('approved')

    const edited = await updateAs('editor', draft.id, { summary: '发布以后又改过的摘要。' }, true)
    expect(edited.reviewState).toBe('writing')
    const stored = await t.rest('GET', `/lessons/${draft.id}?draft=true`, { as: 'admin' })
    expect(stored.json.reviewState).toBe('writing')

    const resubmitted = await updateAs('editor', draft.id, { reviewState: 'in-review' }, true)
    expect(resubmitted.reviewState).toBe('in-review')
    expect((await updateAs('reviewer', draft.id, { _status: 'published' }, false)).reviewState).toBe('approved')
  })

  it('an empty untitled draft cannot go to review, with the reason at the title', async () => {
    const empty = await t.rest('POST', '/lessons?draft=true', { as: 'editor', body: { grade: 'j2', sequence: 40 } })
    expect(empty.status).toBe(201)
    expect(empty.json.doc.reviewState).toBe('writing')
    const submit = await t.rest('PATCH', `/lessons/${empty.json.doc.id}?draft=true`, { as: 'editor', body: { reviewState: 'in-review' } })
    expect(submit.status).toBe(400)
    expect(submit.json.errors[0].data.errors[0]).toMatchObject({ path: 'title', message: expect.stringContaining('不能提交审核') })
    expect(submit.json.errors[0].message).toContain('标题')
    const stored = await t.rest('GET', `/lessons/${empty.json.doc.id}?draft=true`, { as: 'admin' })
    expect(stored.json.reviewState).toBe('writing')
  })
})

describe('the review queue (issue 14)', () => {
  it('lists what an editor submitted, across types, with who and when; a send-back with a note leaves the queue', async () => {
    const lesson = await draftAs('editor', { ...validData('lessons', { theme }), title: '待审核的课程：周末家庭会议' })
    const caseStudy = await t.payload.create({
      collection: 'case-studies',
      data: { ...validData('case-studies', { theme }), title: '待审核的案例：奶奶和作业' } as never,
      draft: true,
      overrideAccess: false,
      user: userOf('editor'),
    })
    const before = Date.now()
    await updateAs('editor', lesson.id, { reviewState: 'in-review' }, true)
    await t.payload.update({
      collection: 'case-studies',
      id: caseStudy.id,
      data: { reviewState: 'in-review' } as never,
      draft: true,
      overrideAccess: false,
      user: userOf('editor'),
    })

    const reviewer = userOf('reviewer')
    const queue = await findReviewQueue(t.payload, reviewer, 'review')
    const titles = queue.items.map((item) => item.title)
    expect(titles).toEqual(expect.arrayContaining(['待审核的课程：周末家庭会议', '待审核的案例：奶奶和作业']))
    const row = queue.items.find((item) => item.title === '待审核的课程：周末家庭会议')
    const editor = t.users.editor.user as { name?: string; email: string }
    expect(row).toMatchObject({
      collection: 'lessons',
      id: lesson.id,
      typeLabel: '专题课程',
      reviewStateLabel: '待审核',
      submitter: editor.name || editor.email,
    })
    expect(row?.submitter).not.toBe('')
    expect(Date.parse(row?.submittedAt ?? '')).toBeGreaterThanOrEqual(before - 1000)
    expect(queue.items.find((item) => item.title === '待审核的案例：奶奶和作业')?.collection).toBe('case-studies')

    const mine = await findReviewQueue(t.payload, userOf('editor'), 'mine')
    expect(mine.items.map((item) => item.title)).toEqual(expect.arrayContaining(['待审核的课程：周末家庭会议', '待审核的案例：奶奶和作业']))
    expect((await findReviewQueue(t.payload, reviewer, 'mine')).items.map((item) => item.title)).not.toContain('待审核的课程：周末家庭会议')

    const sentBack = await t.rest('PATCH', `/lessons/${lesson.id}?draft=true`, {
      as: 'reviewer',
      body: { reviewState: 'changes-requested', reviewNote: '请补充亲子练习的时长。' },
    })
    expect(sentBack.status).toBe(200)
    const stored = await t.rest('GET', `/lessons/${lesson.id}?draft=true`, { as: 'editor' })
    expect(stored.json).toMatchObject({ reviewState: 'changes-requested', reviewNote: '请补充亲子练习的时长。' })
    const after = await findReviewQueue(t.payload, reviewer, 'review')
    expect(after.items.map((item) => item.title)).not.toContain('待审核的课程：周末家庭会议')
  })

  it('nobody sets who submitted or created an item by hand', async () => {
    const forged = await t.rest('POST', '/lessons?draft=true', {
      as: 'editor',
      body: { ...validData('lessons', { theme }), submittedBy: t.users.reviewer.id, createdBy: t.users.reviewer.id, submittedAt: '2020-01-01T00:00:00.000Z' },
    })
    expect(forged.status).toBe(201)
    const stored = await t.rest('GET', `/lessons/${forged.json.doc.id}?draft=true&depth=0`, { as: 'admin' })
    expect(stored.json.createdBy).toEqual(t.users.editor.id)
    expect(stored.json.submittedBy ?? null).toBeNull()
    expect(stored.json.submittedAt ?? null).toBeNull()
  })
})
