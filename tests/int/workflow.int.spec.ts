import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

async function draftLessonAs(role: TestRole, title: string) {
  return t.payload.create({
    collection: 'lessons',
    data: { ...validData('lessons', { theme }), title } as never,
    draft: true,
    overrideAccess: false,
    user: userOf(role),
  })
}

async function versionsOf(id: Id) {
  return t.payload.findVersions({ collection: 'lessons', where: { parent: { equals: id } }, sort: '-createdAt', limit: 100, depth: 0 })
}

describe('editorial workflow', () => {
  it('an editor drafts and submits for review; a reviewer publishes; the state follows', async () => {
    const draft = await draftLessonAs('editor', '编辑起草的课程')
    expect(draft._status).toBe('draft')
    expect(draft.reviewState).toBe('writing')

    const submitted = await t.payload.update({
      collection: 'lessons',
      id: draft.id,
      data: { reviewState: 'in-review' } as never,
      draft: true,
      overrideAccess: false,
      user: userOf('editor'),
    })
    expect(submitted.reviewState).toBe('in-review')

    const published = await t.payload.update({
      collection: 'lessons',
      id: draft.id,
      data: { _status: 'published' } as never,
      overrideAccess: false,
      user: userOf('reviewer'),
    })
    expect(published._status).toBe('published')
    expect(published.reviewState).toBe('approved')
  })

  it('an editor cannot approve its own work or publish it, and gets a Chinese reason', async () => {
    const draft = await draftLessonAs('editor', '编辑不能自己通过')
    const approve = t.rest('PATCH', `/lessons/${draft.id}?draft=true`, { as: 'editor', body: { reviewState: 'approved' } })
    const { status, json } = await approve
    expect(status).toBe(403)
    expect(JSON.stringify(json)).toContain('编辑只能把审核状态设为')
    const publish = await t.rest('PATCH', `/lessons/${draft.id}`, { as: 'editor', body: { _status: 'published' } })
    expect(publish.status).toBe(403)
    expect(JSON.stringify(publish.json)).toContain('只有审核人员或管理员可以发布')
    const stored = await t.payload.findByID({ collection: 'lessons', id: draft.id, depth: 0 })
    expect(stored._status).toBe('draft')
    expect(stored.reviewState).toBe('writing')
  })

  it('a reviewer can send work back with a note, which editors cannot write', async () => {
    const draft = await draftLessonAs('editor', '退回修改的课程')
    const returned = await t.payload.update({
      collection: 'lessons',
      id: draft.id,
      data: { reviewState: 'changes-requested', reviewNote: '请补充亲子练习的时长。' } as never,
      draft: true,
      overrideAccess: false,
      user: userOf('reviewer'),
    })
    expect(returned.reviewState).toBe('changes-requested')
    await t.payload.update({
      collection: 'lessons',
      id: draft.id,
      data: { reviewNote: '编辑改掉审核意见' } as never,
      draft: true,
      overrideAccess: false,
      user: userOf('editor'),
    })
    const stored = await t.payload.findByID({ collection: 'lessons', id: draft.id, draft: true, depth: 0 })
    expect(stored.reviewNote).toBe('请补充亲子练习的时长。')
  })
})

describe('versions', () => {
  it('every save keeps a version, and restoring one brings its content back', async () => {
    const draft = await draftLessonAs('editor', '第一版标题')
    await t.payload.update({
      collection: 'lessons',
      id: draft.id,
      data: { title: '第二版标题' } as never,
      draft: true,
      overrideAccess: false,
      user: userOf('editor'),
    })
    await t.payload.update({
      collection: 'lessons',
      id: draft.id,
      data: { title: '第三版标题', _status: 'published' } as never,
      overrideAccess: false,
      user: userOf('reviewer'),
    })
    const versions = await versionsOf(draft.id)
    expect(versions.totalDocs).toBe(3)
    const titles = versions.docs.map((version) => (version.version as { title: string }).title)
    expect(titles).toEqual(['第三版标题', '第二版标题', '第一版标题'])

    const first = versions.docs.find((version) => (version.version as { title: string }).title === '第一版标题')
    await t.payload.restoreVersion({ collection: 'lessons', id: first!.id, overrideAccess: false, user: userOf('reviewer') })
    const restored = await t.payload.findByID({ collection: 'lessons', id: draft.id, draft: true, depth: 0 })
    expect(restored.title).toBe('第一版标题')
    expect((await versionsOf(draft.id)).totalDocs).toBe(4)
  })

  it('anonymous readers cannot list versions', async () => {
    const draft = await draftLessonAs('editor', '版本不公开')
    const { status, json } = await t.rest('GET', `/lessons/versions?where[parent][equals]=${draft.id}`)
    expect(status === 403 || (status === 200 && json.totalDocs === 0)).toBe(true)
  })
})

describe('anonymous readers see published documents only', () => {
  let publishedTitle: string
  let draftTitle: string
  let draftId: Id

  beforeAll(async () => {
    publishedTitle = '公开可见的课程'
    draftTitle = '草稿不可见的课程'
    await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), title: publishedTitle, _status: 'published' } as never })
    draftId = (
      await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), title: draftTitle, _status: 'draft' } as never, draft: true })
    ).id
  })

  it('through the Local API with overrideAccess: false', async () => {
    const { docs } = await t.payload.find({ collection: 'lessons', overrideAccess: false, limit: 500, depth: 0 })
    const titles = docs.map((doc) => doc.title)
    expect(titles).toContain(publishedTitle)
    expect(titles).not.toContain(draftTitle)
    const asDraft = await t.payload.find({ collection: 'lessons', overrideAccess: false, draft: true, limit: 500, depth: 0 })
    expect(asDraft.docs.map((doc) => doc.title)).not.toContain(draftTitle)
  })

  it('through REST, even when asking for drafts', async () => {
    for (const query of ['?limit=500', '?limit=500&draft=true']) {
      const { status, json } = await t.rest('GET', `/lessons${query}`)
      expect(status).toBe(200)
      const titles = json.docs.map((doc: { title: string }) => doc.title)
      expect(titles).toContain(publishedTitle)
      expect(titles).not.toContain(draftTitle)
    }
    expect((await t.rest('GET', `/lessons/${draftId}?draft=true`)).status).toBeGreaterThanOrEqual(403)
  })

  it('through GraphQL', async () => {
    const { status, json } = await t.graphql('{ Lessons(limit: 500) { docs { title } } }')
    expect(status).toBe(200)
    const titles = json.data.Lessons.docs.map((doc: { title: string }) => doc.title)
    expect(titles).toContain(publishedTitle)
    expect(titles).not.toContain(draftTitle)
    // SQLite ids are numbers (Int), MongoDB ids are ObjectId strings (String).
    const idType = typeof draftId === 'number' ? 'Int' : 'String'
    const query = `query($id: ${idType}!) { Lesson(id: $id, draft: true) { title } }`
    const single = await t.graphql(query, { variables: { id: draftId } })
    expect(single.json.data?.Lesson ?? null).toBeNull()
    expect(JSON.stringify(single.json)).not.toContain(draftTitle)
    const asStaff = await t.graphql(query, { as: 'editor', variables: { id: draftId } })
    expect(asStaff.json.data.Lesson.title).toBe(draftTitle)
  })

  it('signed-in content staff see the draft through GraphQL', async () => {
    const { json } = await t.graphql('{ Lessons(limit: 500, draft: true) { docs { title } } }', { as: 'editor' })
    expect(json.data.Lessons.docs.map((doc: { title: string }) => doc.title)).toContain(draftTitle)
  })
})

describe('scheduled publishing', () => {
  async function schedule(role: TestRole, title: string) {
    const draft = await draftLessonAs('editor', title)
    await t.payload.jobs.queue({
      task: 'schedulePublish',
      // Payload's own scheduler stores ids as strings; the generated input type says number.
      input: { type: 'publish', doc: { relationTo: 'lessons', value: String(draft.id) }, user: { relationTo: 'users', value: t.users[role].id } } as never,
      waitUntil: new Date(Date.now() - 1000),
    })
    await t.payload.jobs.run()
    return t.payload.findByID({ collection: 'lessons', id: draft.id, depth: 0 })
  }

  it('a publish scheduled by a reviewer happens when the job queue runs', async () => {
    expect((await schedule('reviewer', '定时发布的课程'))._status).toBe('published')
  })

  it('a publish scheduled by an editor is refused when it runs', async () => {
    expect((await schedule('editor', '编辑定时发布无效'))._status).toBe('draft')
  })
})
