import { sql } from '@payloadcms/db-sqlite'
import { describe, expect, it } from 'vitest'
import { openTransaction, type TestSqlite, sqliteFilePerTest } from './sqliteForTests'

const sqlite = sqliteFilePerTest()

/** One save as Payload makes it: begin, a row, then commit (or roll back). */
async function save(db: TestSqlite, id: number, rollback = false): Promise<void> {
  const tx = (await db.beginTransaction()) as string
  await openTransaction(db, tx).run(sql`insert into parent (id) values (${id})`)
  if (rollback) await db.rollbackTransaction(tx)
  else await db.commitTransaction(tx)
}

describe('transactions on the SQLite file', () => {
  it('leave no connection open behind them: the file’s open handles stay the same over 200 saves', async () => {
    const db = await sqlite.connect()
    await save(db, 0)
    const before = sqlite.openFileHandles()
    for (let id = 1; id <= 200; id += 1) await save(db, id, id % 10 === 0)
    // A refused COMMIT ends its transaction too.
    const refused = (await db.beginTransaction()) as string
    await openTransaction(db, refused).run(sql`PRAGMA defer_foreign_keys = ON`)
    await openTransaction(db, refused).run(sql`insert into child (id, parent_id) values (1, 9999)`)
    await expect(db.commitTransaction(refused)).rejects.toThrow(/FOREIGN KEY/)
    // libsql's own transactions kept two handles (the file and its WAL) per save until garbage collection.
    expect(sqlite.openFileHandles()).toBe(before)
    expect(await db.drizzle.all(sql`select count(*) as n from parent`)).toEqual([{ n: 181 }])
  })

  it('show a reader outside the transaction only what has been committed', async () => {
    const db = await sqlite.connect()
    const tx = (await db.beginTransaction()) as string
    await openTransaction(db, tx).run(sql`insert into parent (id) values (7)`)
    expect(await db.drizzle.all(sql`select id from parent`)).toEqual([])
    await db.commitTransaction(tx)
    expect(await db.drizzle.all(sql`select id from parent`)).toEqual([{ id: 7 }])
  })

  it('make a transaction begun outside the adapter’s queue wait its turn instead of failing with SQLITE_BUSY', async () => {
    const db = await sqlite.connect()
    const first = await db.client.transaction('write')
    let secondBegun = false
    const second = db.client.transaction('write').then((tx) => {
      secondBegun = true
      return tx
    })
    await first.execute('insert into parent (id) values (1)')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(secondBegun).toBe(false)
    await first.commit()
    const tx = await second
    await tx.execute('insert into parent (id) values (2)')
    await tx.commit()
    expect(await db.drizzle.all(sql`select id from parent order by id`)).toEqual([{ id: 1 }, { id: 2 }])
  })
})
