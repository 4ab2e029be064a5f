import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

/**
 * The database for one test file: SQLite in the file's own folder, or, when
 * `DATABASE_URI` names MongoDB, a database of its own on that server.
 */
export async function testDatabaseAdapter(dataDir: string): Promise<DatabaseAdapterObj> {
  const { databaseAdapter, databaseKind } = await import('@gongyu/cms/database')
  const uri = process.env.DATABASE_URI
  if (databaseKind(uri) === 'sqlite') {
    return databaseAdapter({ ...process.env, DATABASE_URI: `file:${path.join(dataDir, 'test.db')}` })
  }
  const url = new URL(uri as string)
  url.pathname = `/test_${path.basename(dataDir).replace(/[^a-zA-Z0-9]/g, '_')}`
  return databaseAdapter({ ...process.env, DATABASE_URI: url.toString() })
}
