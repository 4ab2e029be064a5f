import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream, existsSync, mkdirSync } from 'node:fs'
import { mkdtemp, open, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import tar from 'tar-stream'
import { s3Settings } from '../storage/s3Settings'
import { type BackupManifest, DATABASE_PREFIX, FILES_PREFIX, MANIFEST_ENTRY, type ManifestFile } from './backupManifest'
import { BackupError } from './BackupError'
import { downloadBucketFiles } from './bucketFiles'
import { listDataFiles } from './dataFiles'
import { deploymentLayout } from './deploymentLayout'
import { dumpMongodb } from './mongodbDump'
import { countSqliteRows, snapshotSqlite } from './sqliteSnapshot'

/** The SQLite copy's name inside the archive. */
const SQLITE_ENTRY = `${DATABASE_PREFIX}gongyu.sqlite`

export interface WriteBackupOptions {
  env?: NodeJS.ProcessEnv
  /** Where to write the archive; default `<data>/backups/gongyu-<time>.tar.gz`. */
  archive?: string
  log?: (line: string) => void
}

export interface BackupResult {
  archive: string
  manifest: BackupManifest
}

/** `2026-12-03T08:15:02.123Z` → `20261203-081502`, for archive names that sort by time. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
}

/** Adds one file to the archive, hashing exactly the bytes written; a file gone since it was listed is skipped. */
async function addFile(pack: tar.Pack, absolute: string, name: string): Promise<ManifestFile | undefined> {
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(absolute, 'r')
  } catch (error) {
    // Deleted by an editor's change after the listing: the database snapshot no longer needs it either.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  try {
    const { size, mtime } = await handle.stat()
    const hash = createHash('sha256')
    let bytes = 0
    const written = new Promise<void>((resolve, reject) => {
      const entry = pack.entry({ name, size, mtime, mode: name.startsWith(DATABASE_PREFIX) ? 0o600 : 0o644 }, (error) => (error ? reject(error) : resolve()))
      ;(async () => {
        // `end` keeps the entry exactly as long as its header says, even if the file grows meanwhile.
        const chunks = size > 0 ? handle.createReadStream({ end: size - 1, autoClose: false }) : []
        for await (const chunk of chunks) {
          hash.update(chunk)
          bytes += chunk.length
          if (!entry.write(chunk)) await once(entry, 'drain')
        }
        // streamx's types (tar-stream's streams) want an argument; undefined ends without writing more.
        entry.end(undefined)
      })().catch(reject)
    })
    await written
    if (bytes !== size) throw new BackupError(`文件 ${name} 在备份过程中被截短（应有 ${size} 字节，读到 ${bytes} 字节）。请重新备份。`)
    return { path: name, bytes, sha256: hash.digest('hex') }
  } finally {
    await handle.close()
  }
}

/**
 * `npm run backup`: writes one gzip-compressed tar archive of the
 * deployment. It holds the database (SQLite: a `VACUUM INTO` snapshot;
 * MongoDB: every collection as canonical Extended JSON), every file under
 * the data folder's `uploads/` and `hls/`, and last a manifest with counts
 * per table or collection and the sha256 of every file. The archive is
 * written under a temporary name and renamed when complete, so a backup
 * that fails half-way never looks finished. It holds staff password hashes:
 * it is created readable by its owner only.
 */
export async function writeBackup(options: WriteBackupOptions = {}): Promise<BackupResult> {
  const env = options.env ?? process.env
  const log = options.log ?? (() => undefined)
  const layout = deploymentLayout(env)
  if (layout.kind === 'sqlite' && !existsSync(layout.sqliteFile)) {
    throw new BackupError(`找不到数据库文件 ${layout.sqliteFile}：请检查 GONGYU_DATA_DIR 和 DATABASE_URI，或先启动一次 CMS。`)
  }
  const bucket = s3Settings(env)
  const createdAt = new Date()
  const archive = path.resolve(options.archive ?? path.join(layout.dataDir, 'backups', `gongyu-${timestamp(createdAt)}.tar.gz`))
  mkdirSync(path.dirname(archive), { recursive: true })
  const scratchRoot = path.join(layout.dataDir, 'tmp')
  mkdirSync(scratchRoot, { recursive: true })
  const scratch = await mkdtemp(path.join(scratchRoot, 'backup-'))
  const partial = `${archive}.partial`
  try {
    mkdirSync(path.join(scratch, DATABASE_PREFIX), { recursive: true })
    // The database first: files an editor adds after this instant are extra, never missing.
    let database: BackupManifest['database']
    let counts: Record<string, number>
    let databaseEntries: string[]
    if (layout.kind === 'sqlite') {
      await snapshotSqlite(layout.sqliteFile, path.join(scratch, SQLITE_ENTRY))
      counts = await countSqliteRows(path.join(scratch, SQLITE_ENTRY))
      database = { kind: 'sqlite', entry: SQLITE_ENTRY, consistency: 'snapshot' }
      databaseEntries = [SQLITE_ENTRY]
    } else {
      const dump = await dumpMongodb(layout.mongodbUri, scratch, log)
      ;({ database, counts } = dump)
      databaseEntries = dump.entries
    }
    log(`数据库已读出：${Object.keys(counts).length} 个表或集合，共 ${Object.values(counts).reduce((a, b) => a + b, 0)} 条记录。`)

    // With a bucket, its uploads and ladders are read after the database too, into a data-folder layout.
    const bucketCopy = path.join(scratch, 'bucket')
    if (bucket) log(`已从存储桶 ${bucket.bucket} 读出 ${await downloadBucketFiles(bucket, bucketCopy)} 个上传文件和视频文件。`)
    const bucketFiles = bucket ? await listDataFiles(bucketCopy) : []
    const inBucket = new Set(bucketFiles.map((file) => file.relative))
    const localFiles = (await listDataFiles(layout.dataDir)).filter((file) => !inBucket.has(file.relative))

    const pack = tar.pack()
    const writing = pipeline(pack, createGzip({ level: 6 }), createWriteStream(partial, { mode: 0o600 }))
    const files: ManifestFile[] = []
    for (const entry of databaseEntries) {
      const added = await addFile(pack, path.join(scratch, entry), entry)
      if (!added) throw new BackupError(`数据库导出文件 ${entry} 丢失，备份中止。`)
      files.push(added)
    }
    for (const file of [...localFiles, ...bucketFiles]) {
      const added = await addFile(pack, file.absolute, `${FILES_PREFIX}${file.relative}`)
      if (added) files.push(added)
    }
    const manifest: BackupManifest = { format: 'gongyu-backup', version: 1, createdAt: createdAt.toISOString(), database, counts, files }
    pack.entry({ name: MANIFEST_ENTRY, mode: 0o600, mtime: createdAt }, `${JSON.stringify(manifest, null, 2)}\n`)
    pack.finalize()
    await writing
    await rename(partial, archive)
    return { archive, manifest }
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
