import path from 'node:path'
import { mongooseAdapter, type Args as MongooseAdapterArgs } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import { dataDirectory } from '../env/paths'
import { ConfigurationError } from '../env/payloadSecret'

/** How long a MongoDB connection may take before start-up fails with a clear message. */
export const DATABASE_CONNECT_TIMEOUT_MS = 8_000

/** Extra adapter options for MongoDB-compatible servers; production MongoDB needs none. */
export type MongoCompatibilityOptions = Partial<Omit<MongooseAdapterArgs, 'url'>>

/** The kind of database a `DATABASE_URI` names. */
export function databaseKind(uri: string | undefined): 'sqlite' | 'mongodb' {
  if (!uri) return 'sqlite'
  if (/^mongodb(\+srv)?:\/\//.test(uri)) return 'mongodb'
  if (/^(file:|libsql:|https?:\/\/.*turso)/.test(uri)) return 'sqlite'
  throw new ConfigurationError(
    `无法识别 DATABASE_URI「${uri.replace(/\/\/[^@/]*@/, '//***@')}」。请使用 mongodb://…、mongodb+srv://…（MongoDB），或不设置以使用内置 SQLite。`,
  )
}

/**
 * Chooses the database from `DATABASE_URI`: none means the embedded SQLite
 * file in `data/`, `mongodb://` or `mongodb+srv://` means MongoDB.
 */
export function databaseAdapter(
  env: NodeJS.ProcessEnv = process.env,
  mongoCompatibility: MongoCompatibilityOptions = {},
): DatabaseAdapterObj {
  const uri = env.DATABASE_URI
  if (databaseKind(uri) === 'mongodb') {
    return mongooseAdapter({
      url: uri as string,
      connectOptions: {
        serverSelectionTimeoutMS: DATABASE_CONNECT_TIMEOUT_MS,
        connectTimeoutMS: DATABASE_CONNECT_TIMEOUT_MS,
      },
      ...mongoCompatibility,
    })
  }
  const url = uri ?? `file:${path.join(dataDirectory(env), 'gongyu.db')}`
  return sqliteAdapter({ client: { url } })
}
