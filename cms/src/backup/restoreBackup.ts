import { existsSync, mkdirSync } from 'node:fs'
import { copyFile, mkdtemp, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { BACKED_UP_FOLDERS, type BackupManifest, FILES_PREFIX } from './backupManifest'
import { s3Settings } from '../storage/s3Settings'
import { BackupError } from './BackupError'
import { countBucketFiles, moveFilesToBucket } from './bucketFiles'
import { countDatabase, deploymentContents } from './deploymentContents'
import { type DeploymentLayout, deploymentLayout } from './deploymentLayout'
import { extractVerifiedArchive } from './extractVerifiedArchive'
import { loadMongodb } from './mongodbLoad'

export interface RestoreOptions {
  archive: string
  env?: NodeJS.ProcessEnv
  /** Restore over a deployment that is not empty (`--replace`); what was there is moved aside or, for MongoDB, dropped. */
  replace?: boolean
  log?: (line: string) => void
}

export interface RestoreResult {
  manifest: BackupManifest
  /** Records per table or collection after the restore. */
  counts: Record<string, number>
  /** Tables or collections whose count differs from the manifest's, described in Chinese; empty when all match. */
  differences: string[]
  /** Where the replaced database file and folders were moved (with `replace`), for the operator to delete. */
  replacedInto?: string
}

const DATABASE_KIND_NAMES = { sqlite: 'SQLite', mongodb: 'MongoDB' } as const

/** The counts that differ between the manifest and the restored database. */
export function countDifferences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()
  return names.filter((name) => expected[name] !== actual[name]).map((name) => `${name}：备份中 ${expected[name] ?? 0} 条，恢复后 ${actual[name] ?? 0} 条`)
}

/** Moves the SQLite file (and the journal files SQLite keeps beside it) into `aside`. */
async function moveSqliteAside(sqliteFile: string, aside: string): Promise<void> {
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    if (existsSync(sqliteFile + suffix)) await moveFile(sqliteFile + suffix, path.join(aside, path.basename(sqliteFile) + suffix))
  }
}

/** Renames a file; across file systems (a SQLite file outside the data folder) copies it beside the target, renames, and removes the source. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await copyFile(from, `${to}.restoring`)
    await rename(`${to}.restoring`, to)
    // A journal left beside a database it no longer belongs to would be replayed into it.
    await rm(from)
  }
}

/** Puts verified, staged content in place: the database, then the uploads and HLS folders, each by a rename on the same disk. */
async function putInPlace(layout: DeploymentLayout, manifest: BackupManifest, staging: string, aside: string): Promise<void> {
  if (manifest.database.kind === 'sqlite' && layout.kind === 'sqlite') {
    mkdirSync(path.dirname(layout.sqliteFile), { recursive: true })
    await moveSqliteAside(layout.sqliteFile, aside)
    await moveFile(path.join(staging, manifest.database.entry), layout.sqliteFile)
  } else if (manifest.database.kind === 'mongodb' && layout.kind === 'mongodb') {
    await loadMongodb(layout.mongodbUri, staging, manifest.database)
  }
  for (const folder of BACKED_UP_FOLDERS) {
    const target = path.join(layout.dataDir, folder)
    const staged = path.join(staging, FILES_PREFIX, folder)
    if (existsSync(target)) await rename(target, path.join(aside, folder))
    if (existsSync(staged)) await rename(staged, target)
    else mkdirSync(target, { recursive: true })
  }
}

/**
 * `npm run restore <archive>`: loads a backup into an empty deployment.
 * The archive is unpacked into a staging folder inside the data folder and
 * verified against its manifest (extractVerifiedArchive) before anything is
 * changed; then the database and the files are put in place and the
 * database's counts are compared with the manifest's. A deployment that
 * already holds records or files is refused unless `replace` is given.
 * Search is rebuilt by the caller once Payload starts on the restored data
 * (runRestore.ts).
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const env = options.env ?? process.env
  const log = options.log ?? (() => undefined)
  const replace = options.replace ?? false
  const layout = deploymentLayout(env)
  const archive = path.resolve(options.archive)

  const bucket = s3Settings(env)
  const existing = await deploymentContents(layout)
  if (bucket) existing.files += await countBucketFiles(bucket)
  if (!replace && (existing.records > 0 || existing.files > 0)) {
    throw new BackupError(
      `目标部署不是空的：数据库里已有 ${existing.records} 条记录，上传和视频文件夹里已有 ${existing.files} 个文件。恢复会覆盖这些内容，所以没有执行。` +
        '请恢复到新的数据文件夹或空数据库；如确需覆盖，先备份现有内容，再加上 --replace 重新运行（npm run restore -- <备份文件> --replace）。',
    )
  }

  const scratchRoot = path.join(layout.dataDir, 'tmp')
  mkdirSync(scratchRoot, { recursive: true })
  const staging = await mkdtemp(path.join(scratchRoot, 'restore-'))
  const aside = path.join(scratchRoot, `replaced-${path.basename(staging).slice('restore-'.length)}`)
  try {
    log(`正在校验备份：${archive}`)
    const manifest = await extractVerifiedArchive(archive, staging)
    if (manifest.database.kind !== layout.kind) {
      throw new BackupError(
        `这份备份来自 ${DATABASE_KIND_NAMES[manifest.database.kind]}，而目标部署使用 ${DATABASE_KIND_NAMES[layout.kind]}（看 DATABASE_URI）。请恢复到同一种数据库；没有改动任何内容。`,
      )
    }
    log(`校验通过：${manifest.files.length} 个文件，备份时间 ${manifest.createdAt}。正在放回……`)
    mkdirSync(aside, { recursive: true })
    await putInPlace(layout, manifest, staging, aside)
    // With a bucket the CMS reads uploads and ladders there; objects the backup does not have are left as they were.
    if (bucket) await moveFilesToBucket(bucket, layout.dataDir)
    const counts = await countDatabase(layout)
    const differences = countDifferences(manifest.counts, counts)
    if (!replace) await rm(aside, { recursive: true, force: true })
    return { manifest, counts, differences, replacedInto: replace ? aside : undefined }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
