import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { BSON, type ClientSession, type Db, MongoClient } from 'mongodb'
import { DATABASE_CONNECT_TIMEOUT_MS } from '../db/databaseAdapter'
import type { BackupManifest } from './backupManifest'
import { DATABASE_PREFIX } from './backupManifest'

type MongodbDatabase = Extract<BackupManifest['database'], { kind: 'mongodb' }>

/** Connects with the CMS's own time-out, so a wrong address fails in seconds with the driver's reason. */
export async function connectMongodb(uri: string): Promise<MongoClient> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: DATABASE_CONNECT_TIMEOUT_MS, connectTimeoutMS: DATABASE_CONNECT_TIMEOUT_MS })
  await client.connect()
  return client
}

/** Every collection of the database (the server's own `system.*` left out), by name. */
export async function collectionNames(db: Db): Promise<string[]> {
  const listed = await db.listCollections({}, { nameOnly: true }).toArray()
  return listed
    .map((collection) => collection.name)
    .filter((name) => !name.startsWith('system.'))
    .sort()
}

/** Archive entry names for one collection; encoded, since collection names may hold characters file names may not. */
export function collectionEntries(name: string): { entry: string; indexesEntry: string } {
  const safe = encodeURIComponent(name)
  return { entry: `${DATABASE_PREFIX}${safe}.ejson`, indexesEntry: `${DATABASE_PREFIX}${safe}.indexes.ejson` }
}

/**
 * Whether the server really offers snapshot reads: a MongoDB 5.0+ replica
 * set or sharded cluster. FerretDB accepts a snapshot session and then
 * reads each collection as it is at that moment (the restore drill caught
 * it), so it is recognised by name and never trusted with one.
 */
async function offersSnapshots(db: Db): Promise<{ yes: true } | { yes: false; why: string }> {
  const admin = db.admin()
  const build = await admin.command({ buildInfo: 1 })
  if ('ferretdbVersion' in build || 'ferretdbFeatures' in build) return { yes: false, why: 'FerretDB 没有快照读取' }
  const hello = await admin.command({ hello: 1 })
  if (typeof hello.setName !== 'string' && hello.msg !== 'isdbgrid') return { yes: false, why: '单机 MongoDB 没有快照读取，需要副本集' }
  if (Number(hello.maxWireVersion) < 13) return { yes: false, why: 'MongoDB 5.0 以前的版本没有快照读取' }
  return { yes: true }
}

/**
 * A snapshot session when the server offers one: every collection is then
 * read as of the same instant. Otherwise each collection is read on its own,
 * and the backup says so.
 */
async function snapshotSession(client: MongoClient, db: Db, log: (line: string) => void): Promise<ClientSession | undefined> {
  const offered = await offersSnapshots(db)
  if (offered.yes) return client.startSession({ snapshot: true })
  log(`提示：${offered.why}，各集合分别读取；备份期间的保存可能只有一部分进入备份。请在无人编辑时备份，详见 docs/deployment.md。`)
  return undefined
}

/**
 * Dumps every collection of the database named by `uri` into `folder`, one
 * Extended JSON (canonical, so types such as ObjectId and Date survive) line
 * per document, with the collection's index definitions beside it. Returns
 * the manifest's database part and its counts.
 */
export async function dumpMongodb(
  uri: string,
  folder: string,
  log: (line: string) => void,
): Promise<{ database: MongodbDatabase; counts: Record<string, number>; entries: string[] }> {
  const client = await connectMongodb(uri)
  try {
    const db = client.db()
    const names = await collectionNames(db)
    const session = await snapshotSession(client, db, log)
    const collections: MongodbDatabase['collections'] = []
    const counts: Record<string, number> = {}
    try {
      for (const name of names) {
        const { entry, indexesEntry } = collectionEntries(name)
        const collection = db.collection(name)
        const out = createWriteStream(path.join(folder, entry))
        let documents = 0
        for await (const document of collection.find({}, { session, batchSize: 500 })) {
          if (!out.write(`${BSON.EJSON.stringify(document, { relaxed: false })}\n`)) await once(out, 'drain')
          documents += 1
        }
        out.end()
        await once(out, 'close')
        // Outside the session: snapshot reads are for find and aggregate only, and index definitions are not data.
        const indexes = await collection.indexes()
        await writeFile(path.join(folder, indexesEntry), BSON.EJSON.stringify(indexes, { relaxed: false }))
        collections.push({ name, entry, indexesEntry })
        counts[name] = documents
      }
    } finally {
      await session?.endSession()
    }
    const consistency = session ? 'snapshot' : 'per-collection'
    return { database: { kind: 'mongodb', collections, consistency }, counts, entries: collections.flatMap((c) => [c.entry, c.indexesEntry]) }
  } finally {
    await client.close()
  }
}

/** Documents in every collection of the database: the counts a restore compares with the manifest. */
export async function countMongodb(uri: string): Promise<Record<string, number>> {
  const client = await connectMongodb(uri)
  try {
    const db = client.db()
    const counts: Record<string, number> = {}
    for (const name of await collectionNames(db)) counts[name] = await db.collection(name).countDocuments()
    return counts
  } finally {
    await client.close()
  }
}
