import { createClientConfig, type CollectionAfterChangeHook } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { richTextOf } from '../fixtures/richText.ts'
import { validData } from '../fixtures/contentFixtures.ts'
import { testDatabaseTarget } from '../helpers/testDatabase.ts'
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

async function lessonCount(title: string): Promise<number> {
  const { totalDocs } = await t.payload.count({ collection: 'lessons', where: { title: { equals: title } } })
  return totalDocs
}

async function versionCount(title: string): Promise<number> {
  const { totalDocs } = await t.payload.countVersions({ collection: 'lessons', where: { 'version.title': { equals: title } } })
  return totalDocs
}

describe('draft saves are size- and character-checked (editor, REST)', () => {
  const refused = async (body: Record<string, unknown>, label: string) => {
    const { status, json } = await t.rest('POST', '/lessons?draft=true', { as: 'editor', body: { ...validData('lessons', { theme }), ...body } })
    expect(status).toBe(400)
    expect(JSON.stringify(json)).toContain(label)
    return json
  }

  it('refuses a summary far over its maximum length in a draft, and stores no version', async () => {
    const title = '超长摘要的草稿'
    await refused({ title, summary: '很长的摘要'.repeat(20_000) }, '摘要')
    expect(await lessonCount(title)).toBe(0)
    expect(await versionCount(title)).toBe(0)
  })

  it('refuses a NUL byte in a title instead of truncating it', async () => {
    const json = await refused({ title: '标题\u0000被截断' }, '标题')
    expect(JSON.stringify(json)).toMatch(/控制字符/)
    expect(await lessonCount('标题')).toBe(0)
  })

  it('refuses C0 and C1 controls in text, textareas, array rows and rich text', async () => {
    await refused({ title: '含 C1 控制字符\u0085的标题' }, '标题')
    await refused({ summary: '摘要里有响铃\u0007字符' }, '摘要')
    await refused({ objectives: [{ text: '目标\u001b[31m' }] }, '学习目标')
    await refused({ body: richTextOf('正文里有\u0000字符') }, '正文')
  })

  it('accepts new lines and tabs in textareas and rich text', async () => {
    const { status, json } = await t.rest('POST', '/lessons?draft=true', {
      as: 'editor',
      body: { ...validData('lessons', { theme }), summary: '第一行\n第二行\t缩进', body: richTextOf('第一段\t有制表符\n第二段') },
    })
    expect(status).toBe(201)
    expect(json.doc.summary).toBe('第一行\n第二行\t缩进')
  })

  it('refuses a new line in a one-line text field', async () => {
    await refused({ title: '标题\n第二行' }, '标题')
  })

  it('refuses text fields without a set maximum past the default, and oversized rich text', async () => {
    await refused({ practiceActivity: { title: '练'.repeat(1_000), instructions: richTextOf('一起做。') } }, '练习名称')
    // Over 100,000 characters of text; then under that, but over 1 MB of Lexical JSON (still under the 2 MB request cap).
    await refused({ body: richTextOf('很长的正文段落。'.repeat(15_000)) }, '正文')
    const manyParagraphs = richTextOf(Array.from({ length: 7_000 }, () => '短').join('\n'))
    expect(JSON.stringify(manyParagraphs).length).toBeGreaterThan(1_000_000)
    await refused({ body: manyParagraphs }, '正文')
  })

  it('refuses more array rows than allowed, even in a draft', async () => {
    await refused({ objectives: Array.from({ length: 50 }, (_, index) => ({ text: `目标 ${index}` })) }, '学习目标')
  })

  it('checks updates too, and other collections', async () => {
    const created = await t.rest('POST', '/lessons?draft=true', { as: 'editor', body: validData('lessons', { theme }) })
    expect(created.status).toBe(201)
    const patched = await t.rest('PATCH', `/lessons/${created.json.doc.id}?draft=true`, { as: 'editor', body: { summary: '长'.repeat(100_000) } })
    expect(patched.status).toBe(400)
    expect(JSON.stringify(patched.json)).toContain('摘要')

    const list = await t.rest('POST', '/course-lists?draft=true', {
      as: 'orgAdminA',
      body: { ...validData('course-lists', { theme, organization: t.organizations.a }), description: '说明\u0000后半' },
    })
    expect(list.status).toBe(400)
    expect(JSON.stringify(list.json)).toContain('说明')

    const organization = await t.rest('PATCH', `/organizations/${t.organizations.a}`, { as: 'admin', body: { region: '某地\u009b区' } })
    expect(organization.status).toBe(400)
    expect(JSON.stringify(organization.json)).toContain('地区')
  })
})

describe('restoring a version as a draft (editor, REST)', () => {
  it('an editor restores an older version as a draft; the published version stays live', async () => {
    const draft = await t.payload.create({
      collection: 'lessons',
      data: { ...validData('lessons', { theme }), title: '恢复前的旧标题' } as never,
      draft: true,
      overrideAccess: false,
      user: userOf('editor'),
    })
    await t.payload.update({
      collection: 'lessons',
      id: draft.id,
      data: { title: '已发布的标题', _status: 'published' } as never,
      overrideAccess: false,
      user: userOf('reviewer'),
    })
    const { docs } = await t.payload.findVersions({ collection: 'lessons', where: { parent: { equals: draft.id } }, sort: 'createdAt', depth: 0 })
    const oldVersion = docs.find((version) => (version.version as { title: string }).title === '恢复前的旧标题')
    const publishedVersion = docs.find((version) => (version.version as { title: string }).title === '已发布的标题')

    const restored = await t.rest('POST', `/lessons/versions/${oldVersion!.id}?draft=true`, { as: 'editor' })
    expect(restored.status).toBe(200)
    const latestDraft = await t.payload.findByID({ collection: 'lessons', id: draft.id, draft: true, depth: 0 })
    expect(latestDraft.title).toBe('恢复前的旧标题')
    expect(latestDraft._status).toBe('draft')
    expect(['writing', 'in-review']).toContain(latestDraft.reviewState)
    const live = await t.rest('GET', `/lessons/${draft.id}`)
    expect(live.json.title).toBe('已发布的标题')

    // Restoring the published version as a draft is fine too; restoring it live is publishing.
    const asDraft = await t.rest('POST', `/lessons/versions/${publishedVersion!.id}?draft=true`, { as: 'editor' })
    expect(asDraft.status).toBe(200)
    const asPublished = await t.rest('POST', `/lessons/versions/${publishedVersion!.id}`, { as: 'editor' })
    expect(asPublished.status).toBe(403)
    expect(JSON.stringify(asPublished.json)).toContain('只有审核人员或管理员可以发布')
  })
})

describe('document locks (org-admin, REST)', () => {
  let ownList: Id
  let otherList: Id

  beforeAll(async () => {
    ownList = (
      await t.payload.create({ collection: 'course-lists', data: validData('course-lists', { theme, organization: t.organizations.a }) as never, draft: true })
    ).id
    otherList = (
      await t.payload.create({ collection: 'course-lists', data: validData('course-lists', { theme, organization: t.organizations.b }) as never, draft: true })
    ).id
  })

  const lockBody = (value: Id, user: TestRole) => ({
    document: { relationTo: 'course-lists', value },
    user: { relationTo: 'users', value: t.users[user].id },
  })

  const lockOf = (value: Id, user: TestRole) => t.payload.create({ collection: 'payload-locked-documents', data: lockBody(value, user) as never })

  const lockExists = async (id: Id) => (await t.payload.count({ collection: 'payload-locked-documents', where: { id: { equals: id } } })).totalDocs === 1

  it('cannot lock a document in another user’s name', async () => {
    const { status } = await t.rest('POST', '/payload-locked-documents', { as: 'orgAdminA', body: lockBody(ownList, 'editor') })
    expect(status).toBe(403)
    const { totalDocs } = await t.payload.count({ collection: 'payload-locked-documents', where: { 'user.value': { equals: t.users.editor.id } } })
    expect(totalDocs).toBe(0)
  })

  it('cannot lock a document it may not edit, but locks its own organization’s list', async () => {
    expect((await t.rest('POST', '/payload-locked-documents', { as: 'orgAdminA', body: lockBody(otherList, 'orgAdminA') })).status).toBe(403)
    const own = await t.rest('POST', '/payload-locked-documents', { as: 'orgAdminA', body: lockBody(ownList, 'orgAdminA') })
    expect(own.status).toBe(201)
    expect((await t.rest('DELETE', `/payload-locked-documents/${own.json.doc.id}`, { as: 'orgAdminA' })).status).toBe(200)
  })

  it('cannot delete or take over another user’s lock on a document it may not edit', async () => {
    const othersLock = await lockOf(otherList, 'orgAdminB')
    const removed = await t.rest('DELETE', `/payload-locked-documents/${othersLock.id}`, { as: 'orgAdminA' })
    expect([403, 404]).toContain(removed.status)
    expect(await lockExists(othersLock.id)).toBe(true)
    const takenOver = await t.rest('PATCH', `/payload-locked-documents/${othersLock.id}`, {
      as: 'orgAdminA',
      body: { user: { relationTo: 'users', value: t.users.orgAdminA.id } },
    })
    expect([403, 404]).toContain(takenOver.status)
    const stored = await t.payload.findByID({ collection: 'payload-locked-documents', id: othersLock.id, depth: 0 })
    expect((stored.user as { value: Id }).value).toBe(t.users.orgAdminB.id)
  })

  it('names a colleague’s lock by name and role, never by id or email, to one who may not read that account', async () => {
    const adminsLock = await lockOf(ownList, 'admin')
    const holder = t.users.admin.user as { name: string; email: string }
    // The editor's lock dialog reads the holder from this (depth 1, the reader's access) as `user.email ?? user.id`.
    const { status, json } = await t.rest('GET', `/payload-locked-documents/${adminsLock.id}?depth=1`, { as: 'orgAdminA' })
    expect(status).toBe(200)
    expect(json.user.value).toEqual({ id: t.users.admin.id, email: `${holder.name}（管理员）` })
    expect(JSON.stringify(json)).not.toContain(holder.email)
    // The admin may read accounts and gets the account itself, as before.
    const asAdmin = await t.rest('GET', `/payload-locked-documents/${adminsLock.id}?depth=1`, { as: 'admin' })
    expect(asAdmin.json.user.value.email).toBe(holder.email)
    await t.payload.delete({ collection: 'payload-locked-documents', id: adminsLock.id })
  })

  it('cannot delete a colleague’s lock even on its own list; may take it over for itself; an admin may clear any', async () => {
    const adminsLock = await lockOf(ownList, 'admin')
    const removed = await t.rest('DELETE', `/payload-locked-documents/${adminsLock.id}`, { as: 'orgAdminA' })
    expect([403, 404]).toContain(removed.status)
    expect(await lockExists(adminsLock.id)).toBe(true)
    // The admin's "take over" button re-assigns the lock to the signed-in user: allowed only for oneself.
    const toSomeoneElse = await t.rest('PATCH', `/payload-locked-documents/${adminsLock.id}`, {
      as: 'orgAdminA',
      body: { user: { relationTo: 'users', value: t.users.editor.id } },
    })
    expect(toSomeoneElse.status).toBe(403)
    const takeOver = await t.rest('PATCH', `/payload-locked-documents/${adminsLock.id}`, {
      as: 'orgAdminA',
      body: { user: { relationTo: 'users', value: t.users.orgAdminA.id } },
    })
    expect(takeOver.status).toBe(200)

    const editorsLock = await lockOf(ownList, 'editor')
    expect((await t.rest('DELETE', `/payload-locked-documents/${editorsLock.id}`, { as: 'admin' })).status).toBe(200)
    expect(await lockExists(editorsLock.id)).toBe(false)
  })
})

describe('job queues are for admins only', () => {
  for (const role of ['editor', 'reviewer', 'orgAdminA'] as const) {
    it(`${role} cannot run the queues or handle schedules`, async () => {
      const run = await t.rest('GET', '/payload-jobs/run', { as: role })
      expect([401, 403]).toContain(run.status)
      const schedules = await t.rest('GET', '/payload-jobs/handle-schedules', { as: role })
      expect([401, 403]).toContain(schedules.status)
      const list = await t.rest('GET', '/payload-jobs', { as: role })
      expect(list.status).toBe(403)
    })
  }

  it('an admin can', async () => {
    const run = await t.rest('GET', '/payload-jobs/run?limit=1', { as: 'admin' })
    expect(run.status).toBe(200)
  })

  it('anonymous users cannot', async () => {
    expect([401, 403]).toContain((await t.rest('GET', '/payload-jobs/run')).status)
  })
})

describe('review notes and states are for content staff only', () => {
  let id: Id

  beforeAll(async () => {
    const lesson = await t.payload.create({ collection: 'lessons', data: validData('lessons', { theme }) as never, draft: true })
    id = lesson.id
    await t.payload.update({
      collection: 'lessons',
      id,
      data: { reviewNote: '内部审核意见：案例需要换掉。', _status: 'published' } as never,
      overrideAccess: false,
      user: userOf('reviewer'),
    })
  })

  it('anonymous REST and GraphQL readers get neither', async () => {
    const single = await t.rest('GET', `/lessons/${id}`)
    expect(single.status).toBe(200)
    expect(single.json).not.toHaveProperty('reviewNote')
    expect(single.json).not.toHaveProperty('reviewState')
    const list = await t.rest('GET', '/lessons?limit=100&depth=0')
    expect(JSON.stringify(list.json)).not.toContain('内部审核意见')
    expect(JSON.stringify(list.json)).not.toContain('reviewState')
    const graphql = await t.graphql(`{ Lessons(limit: 100) { docs { title reviewState reviewNote } } }`)
    expect(JSON.stringify(graphql.json)).not.toContain('内部审核意见')
    expect(JSON.stringify(graphql.json)).not.toContain('approved')
  })

  it('anonymous readers cannot query by them either', async () => {
    const { status, json } = await t.rest('GET', '/lessons?where[reviewNote][like]=内部')
    expect(status === 400 || status === 403 || (status === 200 && json.totalDocs === 0)).toBe(true)
  })

  it('content staff still read them', async () => {
    for (const role of ['editor', 'reviewer', 'admin'] as const) {
      const { json } = await t.rest('GET', `/lessons/${id}`, { as: role })
      expect(json.reviewNote).toBe('内部审核意见：案例需要换掉。')
      expect(json.reviewState).toBe('approved')
    }
  })
})

describe('the admin does not load Gravatar', () => {
  it('the client config the admin renders from names the default avatar and no Gravatar', async () => {
    expect(t.payload.config.admin.avatar).toBe('default')
    const clientConfig = createClientConfig({ config: t.payload.config, i18n: { t: (key: string) => key } as never, importMap: {}, user: userOf('editor') })
    expect(clientConfig.admin.avatar).toBe('default')
    expect(JSON.stringify(clientConfig)).not.toMatch(/gravatar/i)
  })
})

// FerretDB and a MongoDB without a replica set have no transactions (stack notes); atomic saves are the SQLite guarantee.
const { kind } = await testDatabaseTarget()

describe('saves are atomic', () => {
  const failAfterWrite: CollectionAfterChangeHook = ({ context }) => {
    if (context.failAfterWrite) throw new Error('simulated failure after the write')
  }

  beforeAll(() => {
    t.payload.collections.lessons.config.hooks.afterChange.push(failAfterWrite)
  })
  afterAll(() => {
    const hooks = t.payload.collections.lessons.config.hooks.afterChange
    hooks.splice(hooks.indexOf(failAfterWrite), 1)
  })

  it.runIf(kind === 'sqlite')('a create that fails after writing rows, arrays and relationships leaves nothing behind', async () => {
    const title = '中途失败的新课程'
    const data = { ...validData('lessons', { theme }), title, reflectionQuestions: [{ text: '问题一' }, { text: '问题二' }] }
    await expect(t.payload.create({ collection: 'lessons', data: data as never, draft: true, context: { failAfterWrite: true } })).rejects.toThrow(
      'simulated failure',
    )
    expect(await lessonCount(title)).toBe(0)
    expect(await versionCount(title)).toBe(0)
  })

  it.runIf(kind === 'sqlite')('an update that fails after writing keeps the previous title, rows and relationships', async () => {
    const lesson = await t.payload.create({
      collection: 'lessons',
      data: { ...validData('lessons', { theme }), title: '原来的标题', objectives: [{ text: '原来的目标' }] } as never,
      draft: true,
    })
    const otherTheme = (await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })).id
    await expect(
      t.payload.update({
        collection: 'lessons',
        id: lesson.id,
        draft: true,
        context: { failAfterWrite: true },
        data: { title: '失败的新标题', objectives: [{ text: '新目标一' }, { text: '新目标二' }], themes: [otherTheme] } as never,
      }),
    ).rejects.toThrow('simulated failure')
    const stored = await t.payload.findByID({ collection: 'lessons', id: lesson.id, draft: true, depth: 0 })
    expect(stored.title).toBe('原来的标题')
    expect(stored.objectives?.map((row) => row.text)).toEqual(['原来的目标'])
    expect(stored.themes).toEqual([theme])
    expect(await versionCount('失败的新标题')).toBe(0)
  })

  it.runIf(kind === 'sqlite')('concurrent saves are serialized, not refused as busy', async () => {
    const titles = Array.from({ length: 8 }, (_, index) => `并发保存 ${index}`)
    const results = await Promise.allSettled(
      titles.map((title) => t.rest('POST', '/lessons?draft=true', { as: 'editor', body: { ...validData('lessons', { theme }), title } })),
    )
    const statuses = results.map((result) => (result.status === 'fulfilled' ? result.value.status : 500))
    expect(statuses).toEqual(titles.map(() => 201))
    for (const title of titles) expect(await lessonCount(title)).toBe(1)
  })
})
