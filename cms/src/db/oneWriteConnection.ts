import { type Client, type Config, createClient, type InStatement, LibsqlError, type ResultSet, type Transaction, type TransactionMode } from '@libsql/client'
import { Mutex, type MutexInterface, withTimeout } from 'async-mutex'
import type { DatabaseAdapterObj } from 'payload'
import { DatabaseBusyError } from '../errors/DatabaseBusyError'
import { TRANSACTION_WAIT_MS } from './serializeTransactions'

/** The parts of @payloadcms/db-sqlite's adapter that decide its connections. */
interface SqliteConnectionState {
  client?: Client
  clientConfig: Config
  busyTimeout: number
  wal: false | { journalSizeLimit: number; synchronous: string }
}

const BEGIN: Record<TransactionMode, string> = { write: 'BEGIN IMMEDIATE', deferred: 'BEGIN DEFERRED', read: 'BEGIN TRANSACTION READONLY' }

/**
 * Runs every transaction of a local SQLite file on one long-lived
 * connection. @libsql/client's local `transaction()` hands the client's
 * connection to the transaction and opens a new one for the client; nothing
 * closes the old one (tursodatabase/libsql-client-ts#350, and libsql-js#230:
 * `close()` would not release it either), so each save left two file handles
 * open until garbage collection, and paid for opening a connection. The new
 * connections also lacked the adapter's per-connection PRAGMAs.
 *
 * Here the client keeps its connection for reads and writes outside a
 * transaction, and transactions take turns on a second connection, opened
 * at the first and reused: BEGIN, the statements, then COMMIT or ROLLBACK, as
 * libsql's own transaction object does. Reads outside a transaction still
 * see only committed rows (a transaction on the client's own connection
 * would show its uncommitted rows to every reader).
 */
export function oneWriteConnection(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const state = db as unknown as SqliteConnectionState
      const writer = new WriteConnection(() => openLikeTheAdapter(state))
      // The adapter's `connect` creates the client and sets it up (WAL, PRAGMAs) before its first transaction: take it as it is set.
      let client = state.client
      Object.defineProperty(db, 'client', {
        configurable: true,
        enumerable: true,
        get: () => client,
        set: (value: Client | undefined) => {
          client = value
          if (value?.protocol === 'file') value.transaction = (mode?: TransactionMode) => writer.begin(mode)
        },
      })
      const destroy = db.destroy
      db.destroy = async function destroyWithWriter(this: typeof db) {
        await destroy?.call(this)
        writer.close()
      }
      return db
    },
  }
}

/** A connection with the PRAGMAs the adapter's `connect` gives its own (some hold only for the connection that ran them). */
async function openLikeTheAdapter(state: SqliteConnectionState): Promise<Client> {
  const connection = createClient(state.clientConfig)
  if (state.busyTimeout > 0) await connection.execute(`PRAGMA busy_timeout = ${state.busyTimeout}`)
  if (state.wal) {
    await connection.execute(`PRAGMA journal_size_limit = ${state.wal.journalSizeLimit}`)
    await connection.execute(`PRAGMA synchronous = ${state.wal.synchronous}`)
  }
  return connection
}

/** One connection that runs one transaction at a time; opened at the first transaction and kept. */
export class WriteConnection {
  #connection: Client | undefined
  readonly #turn: MutexInterface

  constructor(
    private readonly open: () => Promise<Client>,
    waitMs: number = TRANSACTION_WAIT_MS,
  ) {
    // The adapter's queue (serializeTransactions) already hands out one turn at a time; this covers a transaction begun outside it.
    this.#turn = withTimeout(new Mutex(), waitMs, new DatabaseBusyError())
  }

  async begin(mode: TransactionMode = 'write'): Promise<Transaction> {
    const release = await this.#turn.acquire()
    try {
      this.#connection ??= await this.open()
      const connection = this.#connection
      await connection.execute(BEGIN[mode])
      return new TurnTransaction(connection, (healthy) => {
        // A connection that could not roll back may still be inside the transaction: close it (SQLite rolls back) and open another next time.
        if (!healthy && this.#connection === connection) this.close()
        release()
      })
    } catch (error) {
      release()
      throw error
    }
  }

  close(): void {
    this.#connection?.close()
    this.#connection = undefined
  }
}

/** One transaction on the write connection; ending it (commit, rollback, close) hands the connection to the next. */
class TurnTransaction implements Transaction {
  #end: ((healthy: boolean) => void) | undefined

  constructor(
    private readonly connection: Client,
    end: (healthy: boolean) => void,
  ) {
    this.#end = end
  }

  get closed(): boolean {
    return this.#end === undefined
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    this.#checkOpen()
    return this.connection.execute(stmt)
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    const results: ResultSet[] = []
    for (const stmt of stmts) results.push(await this.execute(stmt))
    return results
  }

  async executeMultiple(_sql: string): Promise<void> {
    // The client's executeMultiple rolls back any open transaction when it ends; drizzle and Payload never call it on a transaction.
    throw new LibsqlError('executeMultiple is not supported inside a transaction', 'TRANSACTION_EXECUTE_MULTIPLE')
  }

  async commit(): Promise<void> {
    this.#checkOpen()
    try {
      await this.connection.execute('COMMIT')
    } catch (error) {
      // A refused COMMIT (a deferred foreign key, SQLITE_BUSY) leaves the transaction open: end it here, so the caller's
      // rollback, if any, finds it ended and rethrows this error.
      await this.rollback()
      throw error
    }
    this.#finish(true)
  }

  async rollback(): Promise<void> {
    if (this.closed) return
    let healthy = true
    try {
      await this.connection.execute('ROLLBACK')
    } catch (error) {
      // SQLite may already have rolled back (after SQLITE_FULL, an I/O error): nothing is left to undo.
      healthy = /no transaction is active/.test((error as Error).message)
      if (!healthy) throw error
    } finally {
      this.#finish(healthy)
    }
  }

  close(): void {
    // The local client runs each statement at once, so the ROLLBACK is done when this returns.
    void this.rollback().catch(() => undefined)
  }

  #finish(healthy: boolean): void {
    const end = this.#end
    this.#end = undefined
    end?.(healthy)
  }

  #checkOpen(): void {
    if (this.closed) throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED')
  }
}
