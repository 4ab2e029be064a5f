import type { TestProject } from 'vitest/node'
import { isMongoUri } from '@gongyu/cms/database-kind'
import { ferretdbBinary, startFerretDB } from './ferretdb.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string
    mongodbServer: 'ferretdb' | 'mongodb'
  }
}

/**
 * For the MongoDB run of the CMS suite: uses the MongoDB given by
 * `DATABASE_URI`, or starts FerretDB on loopback and stops it afterwards.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.DATABASE_URI
  if (given && isMongoUri(given)) {
    project.provide('mongodbUri', given)
    project.provide('mongodbServer', 'mongodb')
    console.log('[mongodb] running the CMS suite against DATABASE_URI')
    return undefined
  }
  const binary = ferretdbBinary()
  if ('missing' in binary) throw new Error(`FerretDB is not available: ${binary.missing}`)
  const server = await startFerretDB(binary.path)
  project.provide('mongodbUri', server.uri)
  project.provide('mongodbServer', 'ferretdb')
  console.log(`[mongodb] FerretDB v1 (SQLite storage) on ${server.uri}`)
  return server.stop
}
