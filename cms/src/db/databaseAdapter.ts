import path from 'node:path'
import { mongooseAdapter, type Args as MongooseAdapterArgs } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import { dataDirectory } from '../env/paths'
import { ConfigurationError } from '../env/payloadSecret'
import { cmsSettings } from '../env/settings'
import { databaseKind } from './databaseKind'
import { oneWriteConnection } from './oneWriteConnection'
import { reportFailedCommits } from './reportFailedCommits'
import { serializeTransactions } from './serializeTransactions'

export { databaseKind, isMongoUri } from './databaseKind'

/** How long a MongoDB connection may take before start-up fails with a clear message. */
export const DATABASE_CONNECT_TIMEOUT_MS = 6_000

/** Extra adapter options for MongoDB-compatible servers; production MongoDB needs none. */
export type MongoCompatibilityOptions = Partial<Omit<MongooseAdapterArgs, 'url'>>

/**
 * Chooses the database from `DATABASE_URI`: none means the embedded SQLite
 * file in `data/`, `mongodb://` or `mongodb+srv://` means MongoDB.
 */
export function databaseAdapter(env: NodeJS.ProcessEnv = process.env, mongoCompatibility: MongoCompatibilityOptions = {}): DatabaseAdapterObj {
  const uri = cmsSettings(env).databaseUri
  if (databaseKind(uri) === 'mongodb') {
    const adapter = mongooseAdapter({
      url: uri as string,
      connectOptions: {
        serverSelectionTimeoutMS: DATABASE_CONNECT_TIMEOUT_MS,
        connectTimeoutMS: DATABASE_CONNECT_TIMEOUT_MS,
      },
      // Build the unique indexes (slugs, grade + sequence) before serving, not in the background.
      ensureIndexes: true,
      ...mongoCompatibility,
    })
    return withClearConnectionError(adapter, uri as string)
  }
  const url = uri ?? `file:${path.join(dataDirectory(env), 'gongyu.db')}`
  // libsql's `:memory:` database loses its tables after the first transaction (stack notes): no transactions there.
  if (url.includes(':memory:')) return sqliteAdapter({ client: { url } })
  // A save touches several tables (rows, arrays, relationships, versions): all or nothing, one writer at a time.
  // WAL lets a reader and the writer's COMMIT overlap; in the default journal a reader made the COMMIT fail.
  // Transactions run on one kept connection; libsql's own opened a connection per save and left it open.
  const sqlite = sqliteAdapter({ client: { url }, transactionOptions: { behavior: 'immediate' }, wal: true })
  return serializeTransactions(reportFailedCommits(oneWriteConnection(sqlite)))
}

/** A database URI with its password hidden, safe to print. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')
}

/** Turns the adapter's connection failure into a Chinese message that says what to check. */
function withClearConnectionError(adapter: DatabaseAdapterObj, uri: string): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const connect = db.connect
      if (connect) {
        db.connect = async function connectWithClearError(this: typeof db, options) {
          try {
            await connect.call(this, options)
          } catch (error) {
            const detail = (error as Error).message.replace(/^Error: cannot connect to MongoDB: /, '')
            throw new ConfigurationError(
              `无法连接 MongoDB（${redactUri(uri)}）。请检查 DATABASE_URI 的地址、端口、用户名和密码，以及服务器是否在运行。原始错误：${detail}`,
            )
          }
        }
      }
      return db
    },
  }
}
