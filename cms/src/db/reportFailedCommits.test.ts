import { sql } from '@payloadcms/db-sqlite'
import { describe, expect, it } from 'vitest'
import { openTransaction, sqliteFilePerTest } from './sqliteForTests'

const sqlite = sqliteFilePerTest()

describe('the SQLite database adapter', () => {
  it('reports a COMMIT that SQLite refused, instead of answering the save as done', async () => {
    const db = await sqlite.connect()
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
    const db = await sqlite.connect()
    const id = (await db.beginTransaction()) as string
    await openTransaction(db, id).run(sql`insert into parent (id) values (2)`)
    await db.rollbackTransaction(id)
    expect(await db.drizzle.all(sql`select id from parent`)).toEqual([])
  })

  it('keeps the file in WAL mode, where a reader does not make the writer’s COMMIT fail', async () => {
    const db = await sqlite.connect()
    expect(await db.drizzle.all(sql`PRAGMA journal_mode`)).toEqual([{ journal_mode: 'wal' }])
  })
})
