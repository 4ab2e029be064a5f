import { existsSync } from 'node:fs'
import type { DeploymentLayout } from './deploymentLayout'
import { listDataFiles } from './dataFiles'
import { countMongodb } from './mongodbDump'
import { countSqliteRows } from './sqliteSnapshot'

/** Payload records its schema pushes and migrations on first start; a deployment holding only those is still empty. */
const BOOKKEEPING = new Set(['payload_migrations', 'payload-migrations'])

/** What a deployment already holds: records per table or collection, and files under uploads and HLS. */
export interface DeploymentContents {
  counts: Record<string, number>
  records: number
  files: number
}

/** Counts rows (SQLite) or documents (MongoDB) per table or collection. */
export async function countDatabase(layout: DeploymentLayout): Promise<Record<string, number>> {
  if (layout.kind === 'mongodb') return countMongodb(layout.mongodbUri)
  return existsSync(layout.sqliteFile) ? countSqliteRows(layout.sqliteFile) : {}
}

/** Reads what the deployment holds, to refuse restoring over it. */
export async function deploymentContents(layout: DeploymentLayout): Promise<DeploymentContents> {
  const counts = await countDatabase(layout)
  const records = Object.entries(counts)
    .filter(([name]) => !BOOKKEEPING.has(name))
    .reduce((sum, [, count]) => sum + count, 0)
  return { counts, records, files: (await listDataFiles(layout.dataDir)).length }
}
