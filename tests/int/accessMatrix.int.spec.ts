import { randomUUID } from 'node:crypto'
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { startTestPayload, type TestPayload, type TestRole } from '../helpers/testPayload.ts'

type Actor = 'anonymous' | TestRole
type Operation = 'read-published' | 'read-draft' | 'create' | 'update' | 'publish' | 'delete'
type Api = 'local' | 'rest'
type Id = string | number

const actors: Actor[] = ['anonymous', 'editor', 'reviewer', 'admin', 'orgAdminA', 'orgAdminB']
const apis: Api[] = ['local', 'rest']

const contentStaff: Actor[] = ['editor', 'reviewer', 'admin']
const publishers: Actor[] = ['reviewer', 'admin']

/** Who may do what to course-bank content: every cell below is checked against this table. */
const contentMatrix: Record<Operation, Actor[]> = {
  'read-published': actors,
  'read-draft': contentStaff,
  create: contentStaff,
  update: contentStaff,
  publish: publishers,
  delete: publishers,
}

const contentCollections: CollectionSlug[] = ['lessons', 'micro-lessons', 'case-studies', 'lesson-plans', 'activity-plans']
// The service map (服务地图) follows the same editor → reviewer workflow as the course bank.
contentCollections.push('places')
// Events (活动日历) are a content type like the others (issue 17).
contentCollections.push('events')

let t: TestPayload
let refs: { theme: Id; lesson: Id; organization: Id }

beforeAll(async () => {
  t = await startTestPayload()
  const theme = await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })
  const lesson = await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme: theme.id }), _status: 'published' } as never })
  refs = { theme: theme.id, lesson: lesson.id, organization: t.organizations.a }
})
afterAll(async () => {
  await t?.close()
})

const userOf = (actor: Actor) => (actor === 'anonymous' ? undefined : (t.users[actor].user as never))
const asOf = (actor: Actor) => (actor === 'anonymous' ? undefined : actor)

/** Creates a fixture document as the system, bypassing access. */
async function fixture(collection: CollectionSlug, status: 'draft' | 'published' | undefined, data?: Record<string, unknown>): Promise<Id> {
  const doc = await t.payload.create({
    collection,
    data: { ...(data ?? validData(collection, refs)), ...(status ? { _status: status } : {}) } as never,
    draft: status === 'draft',
  })
  return doc.id
}

/** Runs one operation as one actor through one API; returns whether it was allowed. */
async function attempt(api: Api, actor: Actor, collection: CollectionSlug, operation: Operation, id?: Id, data?: Record<string, unknown>): Promise<boolean> {
  const user = userOf(actor)
  if (api === 'local') {
    try {
      const common = { collection, overrideAccess: false, user, depth: 0 } as const
      switch (operation) {
        case 'read-published':
        case 'read-draft':
          return (await t.payload.findByID({ ...common, id: id as Id })).id === id
        case 'create':
          await t.payload.create({ ...common, data: data as never, draft: true })
          return true
        case 'update':
          await t.payload.update({ ...common, id: id as Id, data: (data ?? { title: '改过的标题' }) as never, draft: true })
          return true
        case 'publish':
          return (await t.payload.update({ ...common, id: id as Id, data: { _status: 'published' } as never })) !== undefined
        case 'delete':
          await t.payload.delete({ ...common, id: id as Id })
          return true
      }
    } catch (error) {
      const status = (error as { status?: number }).status
      if (status === 403 || status === 404 || status === 401) return false
      throw error
    }
  }
  const as = asOf(actor)
  const responses: Record<Operation, () => Promise<{ status: number }>> = {
    'read-published': () => t.rest('GET', `/${collection}/${id}`, { as }),
    'read-draft': () => t.rest('GET', `/${collection}/${id}`, { as }),
    create: () => t.rest('POST', `/${collection}?draft=true`, { as, body: data }),
    update: () => t.rest('PATCH', `/${collection}/${id}?draft=true`, { as, body: data ?? { title: '改过的标题' } }),
    publish: () => t.rest('PATCH', `/${collection}/${id}`, { as, body: { _status: 'published' } }),
    delete: () => t.rest('DELETE', `/${collection}/${id}`, { as }),
  }
  const { status } = await responses[operation]()
  if (status >= 500) throw new Error(`${collection} ${operation} as ${actor} via REST answered ${status}`)
  return status < 300
}

/** Prepares the document an operation acts on. */
async function target(collection: CollectionSlug, operation: Operation): Promise<Id | undefined> {
  if (operation === 'create') return undefined
  return fixture(collection, operation === 'read-published' ? 'published' : 'draft')
}

describe.each(contentCollections)('access matrix: %s', (collection) => {
  for (const operation of Object.keys(contentMatrix) as Operation[]) {
    for (const actor of actors) {
      const allowed = contentMatrix[operation].includes(actor)
      it.each(apis)(`${operation} as ${actor} is ${allowed ? 'allowed' : 'denied'} (%s)`, async (api) => {
        const id = await target(collection, operation)
        const data = operation === 'create' ? validData(collection, refs) : undefined
        expect(await attempt(api, actor, collection, operation, id, data)).toBe(allowed)
        if (operation === 'publish' && id !== undefined) {
          const doc = await t.payload.findByID({ collection, id, depth: 0 })
          expect((doc as { _status?: string })._status).toBe(allowed ? 'published' : 'draft')
        }
        if (operation === 'delete' && id !== undefined) {
          const remaining = await t.payload.count({ collection, where: { id: { equals: id } } })
          expect(remaining.totalDocs).toBe(allowed ? 0 : 1)
        }
      })
    }
  }
})

describe('access matrix: course-lists (own and other organization)', () => {
  const ownerOf = { a: ['orgAdminA'], b: ['orgAdminB'] } as const
  const matrix = (owner: 'a' | 'b'): Record<Operation, Actor[]> => ({
    'read-published': actors,
    'read-draft': [...contentStaff, ...ownerOf[owner]],
    create: ['admin', 'orgAdminA', 'orgAdminB'],
    update: ['admin', ...ownerOf[owner]],
    publish: ['admin', ...ownerOf[owner]],
    delete: ['admin', ...ownerOf[owner]],
  })
  for (const owner of ['a', 'b'] as const) {
    const table = matrix(owner)
    for (const operation of Object.keys(table) as Operation[]) {
      for (const actor of actors) {
        const allowed = table[operation].includes(actor)
        it.each(apis)(`list of org ${owner}: ${operation} as ${actor} is ${allowed ? 'allowed' : 'denied'} (%s)`, async (api) => {
          const organization = t.organizations[owner]
          const data = validData('course-lists', { ...refs, organization })
          const id = operation === 'create' ? undefined : await fixture('course-lists', operation === 'read-published' ? 'published' : 'draft', data)
          expect(await attempt(api, actor, 'course-lists', operation, id, operation === 'create' ? data : undefined)).toBe(allowed)
          // A refusal must also leave the list as it was, not only answer 403.
          if (id === undefined) return
          if (operation === 'update' || operation === 'publish') {
            const doc = (await t.payload.findByID({ collection: 'course-lists', id, depth: 0, draft: true })) as unknown as { title: string; _status?: string }
            if (operation === 'update') expect(doc.title === '改过的标题').toBe(allowed)
            else expect(doc._status).toBe(allowed ? 'published' : 'draft')
          }
          if (operation === 'delete')
            expect((await t.payload.count({ collection: 'course-lists', where: { id: { equals: id } } })).totalDocs).toBe(allowed ? 0 : 1)
        })
      }
    }
  }

  it('an org-admin’s new list always belongs to its own organization', async () => {
    const data = validData('course-lists', { ...refs, organization: t.organizations.b })
    const created = await t.payload.create({ collection: 'course-lists', data: data as never, overrideAccess: false, user: userOf('orgAdminA'), draft: true })
    const organization = (created as unknown as { organization: Id | { id: Id } }).organization
    expect(typeof organization === 'object' ? organization.id : organization).toBe(t.organizations.a)
  })

  /** A list of org a with a draft version, and the id of that version. */
  async function listWithVersions(): Promise<{ id: Id; versionId: Id }> {
    const id = await fixture('course-lists', 'published', validData('course-lists', { ...refs, organization: t.organizations.a }))
    await t.payload.update({ collection: 'course-lists', id, data: { title: '草稿里的新标题' } as never, draft: true })
    const versions = await t.payload.findVersions({ collection: 'course-lists', where: { parent: { equals: id } }, depth: 0 })
    const versionId = versions.docs[0]?.id
    if (versionId === undefined) throw new Error('no version was kept')
    return { id, versionId }
  }

  for (const api of apis) {
    it(`another organization’s draft versions of a list are hidden from org-admin B and anonymous visitors, not from org-admin A (${api})`, async () => {
      const { id } = await listWithVersions()
      const draftTitles = async (actor: Actor): Promise<string[]> => {
        if (api === 'local') {
          try {
            const found = await t.payload.findVersions({
              collection: 'course-lists',
              where: { parent: { equals: id } },
              overrideAccess: false,
              user: userOf(actor),
              depth: 0,
            })
            return found.docs.map((doc) => (doc.version as { title: string }).title)
          } catch (error) {
            if ((error as { status?: number }).status === 403) return []
            throw error
          }
        }
        const response = await t.rest('GET', `/course-lists/versions?where[parent][equals]=${id}&depth=0`, { as: asOf(actor) })
        if (response.status === 403 || response.status === 401) return []
        expect(response.status).toBe(200)
        return (response.json.docs as { version: { title: string } }[]).map((doc) => doc.version.title)
      }
      expect(await draftTitles('orgAdminA')).toContain('草稿里的新标题')
      expect(await draftTitles('orgAdminB')).not.toContain('草稿里的新标题')
      expect(await draftTitles('anonymous')).not.toContain('草稿里的新标题')
    })

    it(`org-admin B cannot restore, unpublish or list as drafts another organization’s list (${api})`, async () => {
      const { id, versionId } = await listWithVersions()
      if (api === 'local') {
        const common = { collection: 'course-lists', overrideAccess: false, user: userOf('orgAdminB'), depth: 0 } as const
        await expect(t.payload.restoreVersion({ ...common, id: String(versionId) })).rejects.toMatchObject({ status: expect.any(Number) })
        await expect(t.payload.update({ ...common, id, data: { _status: 'draft' } as never })).rejects.toMatchObject({ status: expect.any(Number) })
        const drafts = await t.payload.find({ ...common, draft: true, where: { id: { equals: id } } })
        expect(drafts.docs.map((doc) => (doc as unknown as { title: string }).title)).not.toContain('草稿里的新标题')
      } else {
        expect((await t.rest('POST', `/course-lists/versions/${versionId}`, { as: 'orgAdminB' })).status).toBeGreaterThanOrEqual(400)
        expect((await t.rest('PATCH', `/course-lists/${id}`, { as: 'orgAdminB', body: { _status: 'draft' } })).status).toBeGreaterThanOrEqual(400)
        const drafts = await t.rest('GET', `/course-lists?draft=true&where[id][equals]=${id}`, { as: 'orgAdminB' })
        expect((drafts.json.docs as { title: string }[]).map((doc) => doc.title)).not.toContain('草稿里的新标题')
      }
      const stored = (await t.payload.findByID({ collection: 'course-lists', id, depth: 0 })) as unknown as { _status: string }
      expect(stored._status).toBe('published')
    })
  }

  it('an org-admin cannot move a list to another organization', async () => {
    const id = await fixture('course-lists', 'draft', validData('course-lists', { ...refs, organization: t.organizations.a }))
    await t.payload.update({
      collection: 'course-lists',
      id,
      data: { organization: t.organizations.b } as never,
      overrideAccess: false,
      user: userOf('orgAdminA'),
      draft: true,
    })
    const doc = await t.payload.findByID({ collection: 'course-lists', id, depth: 0, draft: true })
    expect((doc as unknown as { organization: Id }).organization).toBe(t.organizations.a)
  })
})

describe('access matrix: themes and organizations', () => {
  // Themes are public as soon as they exist, so only publishers manage them (issue 12, defect 8).
  const themeMatrix: Partial<Record<Operation, Actor[]>> = {
    'read-published': actors,
    create: publishers,
    update: publishers,
    delete: publishers,
  }
  for (const [operation, allowedActors] of Object.entries(themeMatrix) as [Operation, Actor[]][]) {
    for (const actor of actors) {
      const allowed = allowedActors.includes(actor)
      it.each(apis)(`themes: ${operation} as ${actor} is ${allowed ? 'allowed' : 'denied'} (%s)`, async (api) => {
        const id = operation === 'create' ? undefined : await fixture('themes', undefined)
        const data = operation === 'create' ? validData('themes', refs) : operation === 'update' ? { description: '新的说明' } : undefined
        expect(await attempt(api, actor, 'themes', operation, id, data)).toBe(allowed)
      })
    }
  }

  const organizationMatrix: Partial<Record<Operation, Actor[]>> = {
    'read-published': actors,
    create: ['admin'],
    update: ['admin', 'orgAdminA'],
    delete: ['admin'],
  }
  for (const [operation, allowedActors] of Object.entries(organizationMatrix) as [Operation, Actor[]][]) {
    for (const actor of actors) {
      const allowed = allowedActors.includes(actor)
      it.each(apis)(`organizations (org a): ${operation} as ${actor} is ${allowed ? 'allowed' : 'denied'} (%s)`, async (api) => {
        const id = operation === 'create' ? undefined : operation === 'delete' ? await fixture('organizations', undefined) : t.organizations.a
        const data = operation === 'create' ? validData('organizations', refs) : operation === 'update' ? { description: '新的简介' } : undefined
        expect(await attempt(api, actor, 'organizations', operation, id, data)).toBe(allowed)
      })
    }
  }
})

describe('access matrix: users', () => {
  const signedIn: TestRole[] = ['editor', 'reviewer', 'admin', 'orgAdminA']
  for (const api of apis) {
    for (const actor of ['anonymous', ...signedIn] as Actor[]) {
      const isAdminActor = actor === 'admin'
      it(`${actor} ${isAdminActor ? 'can' : 'cannot'} read, change or delete another user (${api})`, async () => {
        const other = await t.payload.create({
          collection: 'users',
          data: { email: `other-${api}-${actor}@example.test`, password: 'pw-123456789', role: 'editor' } as never,
        })
        expect(await attempt(api, actor, 'users', 'read-published', other.id)).toBe(isAdminActor)
        expect(await attempt(api, actor, 'users', 'update', other.id, { name: '改名' })).toBe(isAdminActor)
        expect(await attempt(api, actor, 'users', 'delete', other.id)).toBe(isAdminActor)
      })
      it(`${actor} ${isAdminActor ? 'can' : 'cannot'} create users (${api})`, async () => {
        const data = { email: `new-${api}-${actor}@example.test`, password: 'pw-123456789', role: 'editor' }
        expect(await attempt(api, actor, 'users', 'create', undefined, data)).toBe(isAdminActor)
      })
    }
    for (const actor of ['editor', 'reviewer', 'orgAdminA'] as TestRole[]) {
      it(`${actor} cannot raise its own role (${api})`, async () => {
        const self = t.users[actor]
        if (api === 'local') {
          await t.payload.update({ collection: 'users', id: self.id, data: { role: 'admin' } as never, overrideAccess: false, user: self.user as never })
        } else {
          await t.rest('PATCH', `/users/${self.id}`, { as: actor, body: { role: 'admin' } })
        }
        const stored = await t.payload.findByID({ collection: 'users', id: self.id, depth: 0 })
        expect((stored as { role: string }).role).not.toBe('admin')
        expect(await attempt(api, actor, 'users', 'read-published', self.id)).toBe(true)
      })
    }
  }
})

describe('access matrix: certificates and signing keys (own and other organization)', () => {
  // Issue 16: only the organization's org-admin (and admins) see, issue, revoke or rotate; nobody deletes, since a
  // deleted certificate would drop off the revocation list and a deleted key would stop old certificates checking.
  type OrgOperation = 'read' | 'create' | 'update' | 'delete'
  const ownerOf = { a: 'orgAdminA', b: 'orgAdminB' } as const
  const orgMatrix = (owner: 'a' | 'b'): Record<OrgOperation, Actor[]> => ({
    read: ['admin', ownerOf[owner]],
    create: ['admin', ownerOf[owner]],
    update: ['admin', ownerOf[owner]],
    delete: [],
  })
  const changes = { certificates: { revoked: true }, 'signing-keys': { status: 'retired' } } as const
  const changed = (collection: keyof typeof changes, doc: Record<string, unknown>) =>
    collection === 'certificates' ? doc.revoked === true : doc.status === 'retired'
  let courseLists: { a: Id; b: Id }

  beforeAll(async () => {
    const list = async (organization: Id) => await fixture('course-lists', 'published', validData('course-lists', { ...refs, organization }))
    courseLists = { a: await list(t.organizations.a), b: await list(t.organizations.b) }
  })

  const organizationIdOf = (doc: Record<string, unknown>) => {
    const organization = doc.organization as Id | { id: Id }
    return typeof organization === 'object' ? organization.id : organization
  }
  const dataFor = (collection: keyof typeof changes, owner: 'a' | 'b') =>
    collection === 'certificates'
      ? {
          recipientName: '王秀英',
          organization: t.organizations[owner],
          courseList: courseLists[owner],
          hours: 8,
          periodStart: '2026-03-01T04:00:00.000Z',
          periodEnd: '2026-06-30T04:00:00.000Z',
        }
      : { organization: t.organizations[owner] }

  /** Runs one operation; a create counts only when it made a record of the owner organization (an org-admin's own is forced). */
  async function attemptOwned(api: Api, actor: Actor, collection: keyof typeof changes, operation: OrgOperation, owner: 'a' | 'b', id?: Id): Promise<boolean> {
    const data = operation === 'create' ? dataFor(collection, owner) : operation === 'update' ? changes[collection] : undefined
    if (api === 'local') {
      const common = { collection, overrideAccess: false, user: userOf(actor), depth: 0 } as const
      try {
        if (operation === 'read') return (await t.payload.findByID({ ...common, id: id as Id })).id === id
        if (operation === 'create') return organizationIdOf((await t.payload.create({ ...common, data: data as never })) as never) === t.organizations[owner]
        if (operation === 'update') return changed(collection, (await t.payload.update({ ...common, id: id as Id, data: data as never })) as never)
        await t.payload.delete({ ...common, id: id as Id })
        return true
      } catch (error) {
        const status = (error as { status?: number }).status
        // 400: an org-admin's certificate for another organization's list is refused by validation.
        if (status === 403 || status === 404 || status === 401 || (operation === 'create' && status === 400)) return false
        throw error
      }
    }
    const as = asOf(actor)
    const method = { read: 'GET', create: 'POST', update: 'PATCH', delete: 'DELETE' }[operation]
    const response = await t.rest(method, operation === 'create' ? `/${collection}` : `/${collection}/${id}`, { as, body: data })
    if (response.status >= 500) throw new Error(`${collection} ${operation} as ${actor} via REST answered ${response.status}`)
    if (response.status >= 300) return false
    if (operation === 'create') return organizationIdOf(response.json.doc) === t.organizations[owner]
    if (operation === 'update') return changed(collection, response.json.doc)
    return true
  }

  for (const collection of ['certificates', 'signing-keys'] as const) {
    for (const owner of ['a', 'b'] as const) {
      const table = orgMatrix(owner)
      for (const operation of Object.keys(table) as OrgOperation[]) {
        for (const actor of actors) {
          const allowed = table[operation].includes(actor)
          it.each(apis)(`${collection} of org ${owner}: ${operation} as ${actor} is ${allowed ? 'allowed' : 'denied'} (%s)`, async (api) => {
            const id =
              operation === 'create' ? undefined : (await t.payload.create({ collection, data: dataFor(collection, owner) as never, overrideAccess: true })).id
            expect(await attemptOwned(api, actor, collection, operation, owner, id)).toBe(allowed)
            // A refusal must leave the record as it was, not only answer 403.
            if (id === undefined) return
            const remaining = await t.payload.find({ collection, where: { id: { equals: id } }, depth: 0, overrideAccess: true })
            expect(remaining.totalDocs).toBe(1)
            if (operation === 'update') expect(changed(collection, remaining.docs[0] as never)).toBe(allowed)
          })
        }
      }
    }
  }
})

describe('access matrix: session head counts (own and other organization)', () => {
  // Issue 16: the teacher (the organization's org-admin) records how many came to a session, and only that
  // org-admin and admins may record or see it; the list itself stays public once published.
  const ownerOf = { a: 'orgAdminA', b: 'orgAdminB' } as const
  const mayRecord = (owner: 'a' | 'b'): Actor[] => ['admin', ownerOf[owner]]
  const session = { startsAt: '2026-09-05T01:30:00.000Z', place: '城关镇中心小学', runBy: '班主任', hours: 2 }
  const itemsWith = (headCount: number | null) => [{ resource: { relationTo: 'lessons', value: refs.lesson }, session: { ...session, headCount } }]
  const storedHeadCount = async (id: Id) => {
    const doc = (await t.payload.findByID({ collection: 'course-lists', id, depth: 0, draft: true, overrideAccess: true })) as unknown as {
      items: { session?: { headCount?: number | null } }[]
    }
    return doc.items[0]?.session?.headCount ?? null
  }
  const list = async (owner: 'a' | 'b', headCount: number | null) =>
    await fixture('course-lists', 'published', { ...validData('course-lists', { ...refs, organization: t.organizations[owner] }), items: itemsWith(headCount) })

  for (const owner of ['a', 'b'] as const) {
    for (const actor of actors) {
      const allowed = mayRecord(owner).includes(actor)
      it.each(apis)(`list of org ${owner}: recording a head count as ${actor} is ${allowed ? 'allowed' : 'denied'} (%s)`, async (api) => {
        const id = await list(owner, null)
        await attempt(api, actor, 'course-lists', 'update', id, { items: itemsWith(27) })
        // Judged by what is stored: a refusal must leave no head count behind, whatever the answer said.
        expect(await storedHeadCount(id)).toBe(allowed ? 27 : null)
      })

      it.each(apis)(`list of org ${owner}: the head count is ${allowed ? 'shown' : 'hidden'} to ${actor} (%s)`, async (api) => {
        const id = await list(owner, 31)
        let items: { session?: Record<string, unknown> }[]
        if (api === 'local') {
          const doc = await t.payload.findByID({ collection: 'course-lists', id, depth: 0, overrideAccess: false, user: userOf(actor) })
          items = (doc as unknown as { items: typeof items }).items
        } else {
          const response = await t.rest('GET', `/course-lists/${id}?depth=0`, { as: asOf(actor) })
          expect(response.status).toBe(200)
          items = response.json.items
        }
        // Everyone reads the published session itself; only the head count is kept back.
        expect(items[0]?.session?.place).toBe(session.place)
        expect(items[0]?.session?.headCount ?? null).toBe(allowed ? 31 : null)
      })
    }
  }
})

describe('access matrix: the needs report (need-signals and content-tasks)', () => {
  // Issue 17: nobody reads, writes or changes a single needs signal over any API (the anonymous endpoint stores them
  // with access overridden; staff see only the thresholded report); content tasks are the content staff's.
  const needsMatrix: Record<'need-signals' | 'content-tasks', Partial<Record<Operation, Actor[]>>> = {
    'need-signals': { 'read-published': [], create: [], update: [], delete: ['admin'] },
    'content-tasks': { 'read-published': contentStaff, create: contentStaff, update: contentStaff, delete: ['admin'] },
  }
  let counter = 0
  const dataFor = (collection: keyof typeof needsMatrix): Record<string, unknown> => {
    counter += 1
    return collection === 'need-signals'
      ? { id: crypto.randomUUID(), query: `测试需求${counter}`, week: '2026-W49', kind: 'asked', province: '甘肃省', county: '某县' }
      : { query: `测试任务${process.pid}-${counter}`, status: 'open' }
  }
  for (const collection of Object.keys(needsMatrix) as (keyof typeof needsMatrix)[]) {
    for (const [operation, allowedActors] of Object.entries(needsMatrix[collection]) as [Operation, Actor[]][]) {
      for (const actor of actors) {
        const allowed = allowedActors.includes(actor)
        it.each(apis)(`${collection}: ${operation} as ${actor} is ${allowed ? 'allowed' : 'denied'} (%s)`, async (api) => {
          const id = operation === 'create' ? undefined : (await t.payload.create({ collection, data: dataFor(collection) as never, overrideAccess: true })).id
          const data = operation === 'create' ? dataFor(collection) : operation === 'update' ? { query: `改过的查询${counter}` } : undefined
          expect(await attempt(api, actor, collection, operation, id, data)).toBe(allowed)
          if (operation === 'create' && !allowed && data) {
            expect((await t.payload.count({ collection, where: { query: { equals: data.query } }, overrideAccess: true })).totalDocs).toBe(0)
          }
          if (id === undefined) return
          const remaining = await t.payload.find({ collection, where: { id: { equals: id } }, depth: 0, overrideAccess: true })
          expect(remaining.totalDocs).toBe(operation === 'delete' && allowed ? 0 : 1)
          if (operation === 'update') expect((remaining.docs[0] as { query: string }).query.startsWith('改过的查询')).toBe(allowed)
        })
      }
    }
  }
})

describe('access matrix: surveys, their answers and codes (own and other organization)', () => {
  // Issue 17: an organization's surveys are its org-admin's; the questions are public once published. Single answers
  // are read by nobody over any API (reports hide small groups); printed codes only by their organization's staff.
  const ownerOf = { a: 'orgAdminA', b: 'orgAdminB' } as const
  const surveyMatrix = (owner: 'a' | 'b'): Record<Operation, Actor[]> => ({
    'read-published': actors,
    'read-draft': ['admin', ownerOf[owner]],
    create: ['admin', 'orgAdminA', 'orgAdminB'],
    update: ['admin', ownerOf[owner]],
    publish: ['admin', ownerOf[owner]],
    delete: ['admin'],
  })
  let counter = 0
  let event: Id | undefined
  const surveyData = async (owner: 'a' | 'b'): Promise<Record<string, unknown>> => {
    event ??= await fixture('events', 'published')
    counter += 1
    return { title: `访问测试问卷 ${counter}`, slug: `access-survey-${counter}`, organization: t.organizations[owner], target: 'event', event }
  }
  for (const owner of ['a', 'b'] as const) {
    const table = surveyMatrix(owner)
    for (const operation of Object.keys(table) as Operation[]) {
      for (const actor of actors) {
        const allowed = table[operation].includes(actor)
        it.each(apis)(`survey of org ${owner}: ${operation} as ${actor} is ${allowed ? 'allowed' : 'denied'} (%s)`, async (api) => {
          const data = await surveyData(owner)
          const id = operation === 'create' ? undefined : await fixture('surveys', operation === 'read-published' ? 'published' : 'draft', data)
          expect(await attempt(api, actor, 'surveys', operation, id, operation === 'create' ? data : undefined)).toBe(allowed)
          if (id === undefined) return
          const stored = await t.payload.find({ collection: 'surveys', where: { id: { equals: id } }, depth: 0, draft: true, overrideAccess: true })
          if (operation === 'delete') expect(stored.totalDocs).toBe(allowed ? 0 : 1)
          if (operation === 'update') expect((stored.docs[0] as { title: string }).title === '改过的标题').toBe(allowed)
          if (operation === 'publish') expect((stored.docs[0] as { _status?: string })._status).toBe(allowed ? 'published' : 'draft')
        })
      }
    }
  }

  const recordMatrix: Record<'survey-answers' | 'survey-codes', Partial<Record<Operation, Actor[]>>> = {
    'survey-answers': { 'read-published': [], create: [], update: [], delete: [] },
    'survey-codes': { 'read-published': ['admin', 'orgAdminA'], create: [], update: [], delete: [] },
  }
  const recordData = async (collection: keyof typeof recordMatrix): Promise<Record<string, unknown>> => {
    const survey = await fixture('surveys', 'published', await surveyData('a'))
    return collection === 'survey-answers'
      ? { id: randomUUID(), survey, answeredWeek: '2026-W49', q1: 4, q2: 4, q3: 4, q4: 4, q5: 4, comment: `访问测试 ${counter}` }
      : { survey, organization: t.organizations.a, code: `ACC${String(counter).padStart(5, '0')}` }
  }
  for (const collection of Object.keys(recordMatrix) as (keyof typeof recordMatrix)[]) {
    for (const [operation, allowedActors] of Object.entries(recordMatrix[collection]) as [Operation, Actor[]][]) {
      for (const actor of actors) {
        const allowed = allowedActors.includes(actor)
        it.each(apis)(`${collection} of org a: ${operation} as ${actor} is ${allowed ? 'allowed' : 'denied'} (%s)`, async (api) => {
          const data = await recordData(collection)
          const before = (await t.payload.count({ collection, overrideAccess: true })).totalDocs
          const id = operation === 'create' ? undefined : (await t.payload.create({ collection, data: data as never, overrideAccess: true })).id
          const change = operation === 'update' ? (collection === 'survey-answers' ? { q1: 1 } : { code: 'CHANGED1' }) : undefined
          expect(await attempt(api, actor, collection, operation, id, operation === 'create' ? data : change)).toBe(allowed)
          if (operation === 'create') expect((await t.payload.count({ collection, overrideAccess: true })).totalDocs).toBe(before)
          if (id === undefined) return
          const remaining = await t.payload.find({ collection, where: { id: { equals: id } }, depth: 0, overrideAccess: true })
          expect(remaining.totalDocs).toBe(1)
          if (operation === 'update') expect(remaining.docs[0]).toMatchObject(collection === 'survey-answers' ? { q1: 4 } : { code: data.code })
        })
      }
    }
  }
})
