import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPayload, type TestPayload, type TestRole } from '../helpers/testPayload.ts'

// Issue 14: the first account is always an admin, only an admin gives roles, and the last admin cannot step down.
let t: TestPayload

beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

type Id = string | number

const stored = async (id: Id) =>
  (await t.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true })) as { role: string; organization?: unknown }
const organizationId = (value: unknown) => (value && typeof value === 'object' ? (value as { id: Id }).id : value)

/** A role each non-admin might try to switch to: any other role than its own, short of admin. */
const otherRole: Record<Exclude<TestRole, 'admin'>, string> = { editor: 'reviewer', reviewer: 'editor', orgAdminA: 'editor', orgAdminB: 'reviewer' }

describe('only an admin gives or changes roles', () => {
  for (const actor of ['editor', 'reviewer', 'orgAdminA'] as const) {
    it(`${actor} cannot change its own role or organization (REST and local API)`, async () => {
      const self = t.users[actor]
      const before = await stored(self.id)
      const response = await t.rest('PATCH', `/users/${self.id}`, { as: actor, body: { role: otherRole[actor], organization: t.organizations.b } })
      // The save itself may go through (its name, say); the protected fields must not change.
      expect([200, 400, 403]).toContain(response.status)
      await t.payload
        .update({
          collection: 'users',
          id: self.id,
          data: { role: otherRole[actor], organization: t.organizations.b } as never,
          overrideAccess: false,
          user: self.user as never,
        })
        .catch((error: { status?: number }) => expect([400, 403]).toContain(error.status))
      const after = await stored(self.id)
      expect(after.role).toBe(before.role)
      expect(organizationId(after.organization) ?? null).toEqual(organizationId(before.organization) ?? null)
    })

    it(`${actor} cannot give a role to another account (REST)`, async () => {
      const other = await t.payload.create({
        collection: 'users',
        data: { email: `given-by-${actor.toLowerCase()}@example.test`, password: 'pw-123456789', role: 'editor' } as never,
      })
      const response = await t.rest('PATCH', `/users/${other.id}`, { as: actor, body: { role: 'reviewer' } })
      expect([403, 404]).toContain(response.status)
      expect((await stored(other.id)).role).toBe('editor')
    })
  }

  it('an admin gives and changes roles (REST)', async () => {
    const created = await t.rest('POST', '/users', { as: 'admin', body: { email: 'new-reviewer@example.test', password: 'pw-123456789', role: 'reviewer' } })
    expect(created.status).toBe(201)
    expect((await stored(created.json.doc.id)).role).toBe('reviewer')
    const changed = await t.rest('PATCH', `/users/${created.json.doc.id}`, { as: 'admin', body: { role: 'editor' } })
    expect(changed.status).toBe(200)
    expect((await stored(created.json.doc.id)).role).toBe('editor')
  })
})

describe('the last admin', () => {
  it('cannot give up the role or be deleted while other accounts exist', async () => {
    const admin = t.users.admin
    const demoted = await t.rest('PATCH', `/users/${admin.id}`, { as: 'admin', body: { role: 'editor' } })
    expect(demoted.status).toBe(400)
    expect(JSON.stringify(demoted.json)).toContain('最后一个管理员')
    const deleted = await t.rest('DELETE', `/users/${admin.id}`, { as: 'admin' })
    expect(deleted.status).toBe(400)
    expect((await stored(admin.id)).role).toBe('admin')
  })

  it('can step down once another admin exists', async () => {
    const second = await t.rest('POST', '/users', { as: 'admin', body: { email: 'second-admin@example.test', password: 'pw-123456789', role: 'admin' } })
    expect(second.status).toBe(201)
    const demoted = await t.rest('PATCH', `/users/${second.json.doc.id}`, { as: 'admin', body: { role: 'reviewer' } })
    expect(demoted.status).toBe(200)
    expect((await stored(second.json.doc.id)).role).toBe('reviewer')
  })
})

describe('the first account', () => {
  beforeAll(async () => {
    // A school's fresh install: no accounts yet (the harness made some; the adapter removes them without hooks).
    await t.payload.db.deleteMany({ collection: 'users', where: {} })
  })

  it('is an admin whatever role the create-first-user request sends, and there is only one first account', async () => {
    const first = await t.rest('POST', '/users/first-register', {
      body: { email: 'school-it@example.test', password: 'first-password-1', 'confirm-password': 'first-password-1', role: 'editor' },
    })
    expect(first.status).toBe(200)
    expect(first.json.user.role).toBe('admin')
    expect((await stored(first.json.user.id)).role).toBe('admin')

    const second = await t.rest('POST', '/users/first-register', {
      body: { email: 'late@example.test', password: 'late-password-1', 'confirm-password': 'late-password-1', role: 'admin' },
    })
    expect(second.status).toBe(403)
  })

  it('is an admin when created through the local API with another role, and later accounts keep theirs', async () => {
    await t.payload.db.deleteMany({ collection: 'users', where: {} })
    const first = await t.payload.create({ collection: 'users', data: { email: 'first@example.test', password: 'pw-123456789', role: 'org-admin' } as never })
    expect((await stored(first.id)).role).toBe('admin')
    const next = await t.payload.create({ collection: 'users', data: { email: 'next@example.test', password: 'pw-123456789' } as never })
    expect((await stored(next.id)).role).toBe('editor')
  })
})

describe('the first admin from GONGYU_ADMIN_EMAIL', () => {
  it('is made once when instances and the worker start together on a database with no accounts, and none of them fails', async () => {
    await t.payload.db.deleteMany({ collection: 'users', where: {} })
    const { createFirstAdminFromEnv } = await import('../../cms/src/hooks/createFirstAdminFromEnv.ts')
    const env = { ...process.env, GONGYU_ADMIN_EMAIL: 'county-it@example.test', GONGYU_ADMIN_PASSWORD: 'county-password-1' }
    // Each process's onInit counts no users before any of them creates one (CI caught a start that exited here).
    const starts = await Promise.allSettled([
      createFirstAdminFromEnv(t.payload, env),
      createFirstAdminFromEnv(t.payload, env),
      createFirstAdminFromEnv(t.payload, env),
    ])
    expect(starts.map((start) => start.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled'])
    const accounts = await t.payload.find({ collection: 'users', depth: 0, overrideAccess: true })
    expect(accounts.docs.map((account) => [account.email, account.role])).toEqual([['county-it@example.test', 'admin']])
  })

  it('still stops the start when the account cannot be made and no other process made one', async () => {
    await t.payload.db.deleteMany({ collection: 'users', where: {} })
    const { createFirstAdminFromEnv } = await import('../../cms/src/hooks/createFirstAdminFromEnv.ts')
    const env = { ...process.env, GONGYU_ADMIN_EMAIL: 'not-an-email', GONGYU_ADMIN_PASSWORD: 'county-password-1' }
    await expect(createFirstAdminFromEnv(t.payload, env)).rejects.toThrow()
    expect((await t.payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(0)
  })
})
