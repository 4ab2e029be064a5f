import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from '@payloadcms/db-sqlite'
import type { BaseDatabaseAdapter, Payload } from 'payload'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseAdapter } from './databaseAdapter'

interface SqliteInternals {
  drizzle: { run: (query: unknown) => Promise<unknown>; all: (query: unknown) => Promise<Record<string, unknown>[]> }
  sessions: Record<string, { db: { run: (query: unknown) => Promise<unknown> } }>
}

/** The drizzle transaction Payload holds open under a transaction id. */
function openTransaction(db: SqliteInternals, id: string) {
  const session = db.sessions[id]
  if (!session) throw new Error(`no open transaction ${id}`)
  return session.db
}

const silentPayload = { logger: { info() {}, warn() {}, error() {}, debug() {} }, config: {} } as unknown as Payload

let folder: string
let migrating: string | undefined

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'gongyu-commit-'))
  // Connect without Payload's schema push: these tests make their own two tables.
  migrating = process.env.PAYLOAD_MIGRATING
  process.env.PAYLOAD_MIGRATING = 'true'
})

afterEach(async () => {
  if (migrating === undefined) delete process.env.PAYLOAD_MIGRATING
  else process.env.PAYLOAD_MIGRATING = migrating
  rmSync(folder, { recursive: true, force: true })
})

async function connectedSqlite(): Promise<BaseDatabaseAdapter & SqliteInternals> {
  const adapter = databaseAdapter({ ...process.env, DATABASE_URI: `file:${path.join(folder, 'test.db')}` })
  const db = adapter.init({ payload: silentPayload }) as BaseDatabaseAdapter & SqliteInternals
  await db.connect?.()
  await db.drizzle.run(sql`create table parent (id integer primary key)`)
  await db.drizzle.run(sql`create table child (id integer primary key, parent_id integer references parent(id))`)
  return db
}

describe('the SQLite database adapter', () => {
  it('reports a COMMIT that SQLite refused, instead of answering the save as done', async () => {
    const db = await connectedSqlite()
    const id = (await db.beginTransaction()) as string
    const tx = openTransaction(db, id)
    // A deferred foreign key is checked at COMMIT: the one refusal that can be made to happen on purpose.
    await tx.run(sql`PRAGMA defer_foreign_keys = ON`)
    await tx.run(sql`insert into child (id, parent_id) values (1, 99)`)
    await expect(db.commitTransaction(id)).rejects.toThrow(/FOREIGN KEY/)
    expect(await db.drizzle.all(sql`select id from child`)).toEqual([])
    // The writer's turn was handed back: the next save commits.
    const next = (await db.beginTransaction()) as string
    await openTransaction(db, next).run(sql`insert into parent (id) values (1)`)
    await db.commitTransaction(next)
    expect(await db.drizzle.all(sql`select id from parent`)).toEqual([{ id: 1 }])
  })

  it('still rolls back quietly when Payload asks for it', async () => {
    const db = await connectedSqlite()
    const id = (await db.beginTransaction()) as string
    await openTransaction(db, id).run(sql`insert into parent (id) values (2)`)
    await db.rollbackTransaction(id)
    expect(await db.drizzle.all(sql`select id from parent`)).toEqual([])
  })

  it('keeps the file in WAL mode, where a reader does not make the writer’s COMMIT fail', async () => {
    const db = await connectedSqlite()
    expect(await db.drizzle.all(sql`PRAGMA journal_mode`)).toEqual([{ journal_mode: 'wal' }])
  })
})
