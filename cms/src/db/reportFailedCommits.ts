import { randomUUID } from 'node:crypto'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/** The parts of @payloadcms/drizzle's adapter that its transaction methods use. */
interface DrizzleTransactionState {
  drizzle: { transaction: (run: (tx: unknown) => Promise<void>, options?: unknown) => Promise<unknown> }
  initializing: Promise<void>
  sessions: Record<string, { db: unknown; resolve: () => Promise<void>; reject: () => Promise<void> }>
  transactionOptions: unknown
}

/** Ends the transaction callback so that drizzle rolls back; never reaches a caller. */
class RollbackRequested extends Error {}

/**
 * Replaces @payloadcms/drizzle's `beginTransaction` with one that lets a
 * failed COMMIT reach the caller. Upstream keeps drizzle's transaction open
 * by holding its callback, and attaches a `.catch` to it that after start-up
 * does nothing: a COMMIT that SQLite refused (SQLITE_BUSY, a deferred foreign
 * key) was rolled back while Payload answered the save as done. Here the
 * session's `resolve` returns the transaction's own outcome, so Payload's
 * `commitTransaction` throws and the request fails instead.
 */
export function reportFailedCommits(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      db.beginTransaction = async function beginReportingCommit(this: BaseDatabaseAdapter, options) {
        const state = this as unknown as DrizzleTransactionState
        await state.initializing
        const id = randomUUID()
        let finish: (commit: boolean) => void = () => undefined
        let outcome: Promise<unknown> = Promise.resolve()
        try {
          const transaction = await new Promise<unknown>((ready, failed) => {
            outcome = state.drizzle.transaction(
              (tx) =>
                new Promise<void>((commit, rollback) => {
                  finish = (ok) => (ok ? commit() : rollback(new RollbackRequested()))
                  ready(tx)
                }),
              options ?? state.transactionOptions,
            )
            // Before `ready` this is a failure to begin; after it, `failed` does nothing and the outcome is read at commit.
            outcome.catch(failed)
          })
          state.sessions[id] = {
            db: transaction,
            resolve: async () => {
              finish(true)
              await outcome
            },
            reject: async () => {
              finish(false)
              await outcome.catch((error: unknown) => {
                if (!(error instanceof RollbackRequested)) throw error
              })
            },
          }
        } catch (error) {
          throw new Error(`Error: cannot begin transaction: ${(error as Error).message}`)
        }
        return id
      }
      return db
    },
  }
}
