import { ConfigurationError } from '../env/payloadSecret.ts'

/** True when a URI names a MongoDB server (`mongodb://` or `mongodb+srv://`). */
export function isMongoUri(uri: string | undefined): boolean {
  return /^mongodb(\+srv)?:\/\//.test(uri ?? '')
}

/** The kind of database a `DATABASE_URI` names; an unknown scheme is a start-up error. */
export function databaseKind(uri: string | undefined): 'sqlite' | 'mongodb' {
  if (!uri) return 'sqlite'
  if (isMongoUri(uri)) return 'mongodb'
  if (/^(file:|libsql:|https?:\/\/.*turso)/.test(uri)) return 'sqlite'
  throw new ConfigurationError(
    `无法识别 DATABASE_URI「${uri.replace(/\/\/[^@/]*@/, '//***@')}」。请使用 mongodb://…、mongodb+srv://…（MongoDB），或不设置以使用内置 SQLite。`,
  )
}
