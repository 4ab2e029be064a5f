import { Mutex, withTimeout } from 'async-mutex'
import type { DatabaseAdapterObj } from 'payload'
import { DatabaseBusyError } from '../errors/DatabaseBusyError'

/** How long a save waits for the write transaction before it is refused with a 503. */
export const TRANSACTION_WAIT_MS = 30_000

type TransactionId = string | number

/** The adapter's writes, which Payload sometimes makes outside any transaction (a job's state, a document lock, a preference). */
const WRITE_METHODS = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

type WriteMethod = (typeof WRITE_METHODS)[number]

/**
 * Runs one write transaction at a time in this process. SQLite has a
 * single writer, and the connections have no busy timeout, so a second
 * concurrent `BEGIN IMMEDIATE` would fail at once with SQLITE_BUSY (and can
 * leave the write lock held: tursodatabase/libsql-client-ts#352). Queueing
 * here makes concurrent saves wait their turn instead, and refuses one that
 * waited too long with a 503 in Chinese.
 *
 * A write made outside any transaction takes a turn too: it runs on the
 * client's own connection (transactions run on another, oneWriteConnection.ts),
 * where it would meet an open transaction's lock, fail with SQLITE_BUSY, and
 * leave that transaction unable to commit.
 */
export function serializeTransactions(adapter: DatabaseAdapterObj, waitMs: number = TRANSACTION_WAIT_MS): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const { beginTransaction, commitTransaction, rollbackTransaction } = db
      const turn = withTimeout(new Mutex(), waitMs, new DatabaseBusyError())
      const releases = new Map<TransactionId, () => void>()
      const release = (id: TransactionId | null) => {
        if (id === null) return
        releases.get(id)?.()
        releases.delete(id)
      }

      db.beginTransaction = async function beginInTurn(this: typeof db, options) {
        const done = await turn.acquire()
        try {
          const id = await beginTransaction.call(this, options)
          if (id === null) done()
          else releases.set(id, done)
          return id
        } catch (error) {
          done()
          throw error
        }
      }
      db.commitTransaction = async function commitInTurn(this: typeof db, incoming) {
        const id = await incoming
        try {
          await commitTransaction.call(this, id)
        } finally {
          release(id)
        }
      }
      db.rollbackTransaction = async function rollbackInTurn(this: typeof db, incoming) {
        const id = await incoming
        try {
          await rollbackTransaction.call(this, id)
        } finally {
          release(id)
        }
      }
      for (const method of WRITE_METHODS) {
        const write = db[method] as ((this: typeof db, args: WriteArgs) => Promise<unknown>) | undefined
        if (typeof write !== 'function') continue
        ;(db as unknown as Record<WriteMethod, typeof write>)[method] = async function writeInTurn(this: typeof db, args) {
          if (await insideOpenTransaction(this, args)) return write.call(this, args)
          const done = await turn.acquire()
          try {
            return await write.call(this, args)
          } finally {
            done()
          }
        }
      }
      return db
    },
  }
}

interface WriteArgs {
  req?: { transactionID?: TransactionId | Promise<TransactionId | null> | null }
}

/** Whether a write runs in a transaction that already holds the turn (as the drizzle adapter decides which connection to use). */
async function insideOpenTransaction(db: object, args: WriteArgs | undefined): Promise<boolean> {
  const id = await args?.req?.transactionID
  if (id === undefined || id === null) return false
  const sessions = (db as { sessions?: Record<string, unknown> }).sessions
  return sessions?.[String(id)] !== undefined
}
