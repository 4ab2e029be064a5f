import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'
import { mongodbCompatibility, type MongodbServer } from './mongodbCompatibility.ts'

export interface TestDatabaseTarget {
  kind: 'sqlite' | 'mongodb'
  /** For MongoDB: the server URI (each test file gets a database of its own on it). */
  uri?: string
  server?: MongodbServer
}

/** Which database this test run uses: the Vitest project decides, through values it provides. */
export async function testDatabaseTarget(): Promise<TestDatabaseTarget> {
  if (process.env.GONGYU_TEST_DATABASE !== 'mongodb') return { kind: 'sqlite' }
  // Outside Vitest (benchmarks) the target comes from the environment.
  if (process.env.GONGYU_TEST_MONGODB_URI) {
    return { kind: 'mongodb', uri: process.env.GONGYU_TEST_MONGODB_URI, server: (process.env.GONGYU_TEST_MONGODB_SERVER as MongodbServer) ?? 'mongodb' }
  }
  const { inject } = await import('vitest')
  return { kind: 'mongodb', uri: inject('mongodbUri'), server: inject('mongodbServer') }
}

/**
 * The database for one test file: SQLite in the file's own folder, or a
 * database of its own on the MongoDB server of this run.
 */
export async function testDatabaseAdapter(dataDir: string): Promise<DatabaseAdapterObj> {
  const { databaseAdapter } = await import('@gongyu/cms/database')
  const target = await testDatabaseTarget()
  if (target.kind === 'sqlite') {
    return databaseAdapter({ ...process.env, DATABASE_URI: `file:${path.join(dataDir, 'test.db')}` })
  }
  return databaseAdapter({ ...process.env, DATABASE_URI: await testDatabaseUri(dataDir) }, mongodbCompatibility(target.server ?? 'mongodb'))
}

/** The `DATABASE_URI` of one test file's database: its SQLite file, or its own database on the MongoDB server. */
export async function testDatabaseUri(dataDir: string): Promise<string> {
  const target = await testDatabaseTarget()
  if (target.kind === 'sqlite') return `file:${path.join(dataDir, 'test.db')}`
  const url = new URL(target.uri as string)
  url.pathname = `/test_${path.basename(dataDir).replace(/[^a-zA-Z0-9]/g, '_')}`
  return url.toString()
}
