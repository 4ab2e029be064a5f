import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from '@payloadcms/db-sqlite'
import type { BaseDatabaseAdapter, Payload } from 'payload'
import { afterEach, beforeEach } from 'vitest'
import { databaseAdapter } from './databaseAdapter'

/** The SQLite adapter's internals that the database tests reach into. */
export interface SqliteInternals {
  drizzle: { run: (query: unknown) => Promise<unknown>; all: (query: unknown) => Promise<Record<string, unknown>[]> }
  sessions: Record<string, { db: { run: (query: unknown) => Promise<unknown> } }>
  client: import('@libsql/client').Client
}

export type TestSqlite = BaseDatabaseAdapter & SqliteInternals

/** The drizzle transaction Payload holds open under a transaction id. */
export function openTransaction(db: SqliteInternals, id: string) {
  const session = db.sessions[id]
  if (!session) throw new Error(`no open transaction ${id}`)
  return session.db
}

const silentPayload = { logger: { info() {}, warn() {}, error() {}, debug() {} }, config: {} } as unknown as Payload

/**
 * The CMS's SQLite adapter (databaseAdapter) on a fresh file per test, with
 * two tables of its own (`parent`, and `child` with a foreign key to it)
 * instead of Payload's schema. Call once at the top of a test file.
 */
export function sqliteFilePerTest(): { connect: () => Promise<TestSqlite>; openFileHandles: () => number } {
  let folder = ''
  let migrating: string | undefined
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'gongyu-sqlite-'))
    // Connect without Payload's schema push.
    migrating = process.env.PAYLOAD_MIGRATING
    process.env.PAYLOAD_MIGRATING = 'true'
  })
  afterEach(() => {
    if (migrating === undefined) delete process.env.PAYLOAD_MIGRATING
    else process.env.PAYLOAD_MIGRATING = migrating
    rmSync(folder, { recursive: true, force: true })
  })
  return {
    connect: async () => {
      const adapter = databaseAdapter({ ...process.env, DATABASE_URI: `file:${path.join(folder, 'test.db')}` })
      const db = adapter.init({ payload: silentPayload }) as TestSqlite
      await db.connect?.()
      await db.drizzle.run(sql`create table parent (id integer primary key)`)
      await db.drizzle.run(sql`create table child (id integer primary key, parent_id integer references parent(id))`)
      return db
    },
    // Linux: this process's descriptors open on the test file, its WAL or its shared memory.
    openFileHandles: () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`).startsWith(folder)
        } catch {
          return false
        }
      }).length,
  }
}
