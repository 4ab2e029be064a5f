import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { BSON, type Document, type IndexDescription } from 'mongodb'
import type { BackupManifest } from './backupManifest'
import { BackupError } from './BackupError'
import { collectionNames, connectMongodb } from './mongodbDump'

type MongodbDatabase = Extract<BackupManifest['database'], { kind: 'mongodb' }>

const INSERT_BATCH = 500

/** An index as `listIndexes` describes it, turned into what `createIndexes` takes (server-filled fields dropped). */
function indexDescription(listed: Document): IndexDescription {
  const { v: _version, ns: _namespace, key, ...options } = listed
  return { key, ...options } as IndexDescription
}

/**
 * Loads a verified dump (see dumpMongodb) from the staging folder into the
 * database named by `uri`: for each collection its indexes first (so unique
 * ones are enforced while loading), then its documents in batches. Every
 * collection already there is dropped first: the caller has found them
 * empty (a CMS started once leaves empty collections and its migration
 * records) or was told to replace them. If anything fails, the collections
 * made here are dropped again, leaving the database empty.
 */
export async function loadMongodb(uri: string, stagingDir: string, database: MongodbDatabase): Promise<void> {
  const client = await connectMongodb(uri)
  const db = client.db()
  const created: string[] = []
  try {
    for (const name of await collectionNames(db)) await db.dropCollection(name)
    for (const collectionEntry of database.collections) {
      const collection = await db.createCollection(collectionEntry.name)
      created.push(collectionEntry.name)
      const listed = BSON.EJSON.parse(await readFile(path.join(stagingDir, collectionEntry.indexesEntry), 'utf8'), { relaxed: false }) as Document[]
      const indexes = listed.filter((index) => index.name !== '_id_').map(indexDescription)
      if (indexes.length > 0) await collection.createIndexes(indexes)
      const lines = createInterface({ input: createReadStream(path.join(stagingDir, collectionEntry.entry), 'utf8'), crlfDelay: Number.POSITIVE_INFINITY })
      let batch: Document[] = []
      for await (const line of lines) {
        if (line === '') continue
        batch.push(BSON.EJSON.parse(line, { relaxed: false }) as Document)
        if (batch.length >= INSERT_BATCH) {
          await collection.insertMany(batch, { ordered: true })
          batch = []
        }
      }
      if (batch.length > 0) await collection.insertMany(batch, { ordered: true })
    }
  } catch (error) {
    // The load's own error is the one to report; a drop that also fails is printed so the operator can finish it by hand.
    for (const name of created) await db.dropCollection(name).catch((dropError: Error) => console.error(`撤销集合 ${name} 失败：${dropError.message}`))
    throw new BackupError(`载入 MongoDB 失败，已撤销本次载入的集合：${(error as Error).message}`, { cause: error })
  } finally {
    await client.close()
  }
}
