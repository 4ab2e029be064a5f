import { createHash } from 'node:crypto'
import { createClient } from '@libsql/client'
import { MongoClient } from 'mongodb'
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import type { CollectionSlug, Payload } from 'payload'
import sharp from 'sharp'
import tar from 'tar-stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BackupError } from '../../cms/src/backup/BackupError.ts'
import { countDatabase } from '../../cms/src/backup/deploymentContents.ts'
import { type DeploymentLayout, deploymentLayout } from '../../cms/src/backup/deploymentLayout.ts'
import { restoreBackup } from '../../cms/src/backup/restoreBackup.ts'
import { type BackupResult, writeBackup } from '../../cms/src/backup/writeBackup.ts'
import { readPublishedRecords } from '../../cms/src/publishing/readPublishedRecords.ts'
import { rebuildSearch } from '../../cms/src/search/rebuildSearch.ts'
import { createTheme, validData } from '../fixtures/contentFixtures.ts'
import { memoryTempDir } from '../helpers/memoryTempDir.ts'
import { startSeededTestPayload } from '../helpers/seededBank.ts'
import { testDatabaseAdapter, testDatabaseTarget, testDatabaseUri } from '../helpers/testDatabase.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'
import { sampleVideoSlice } from '../helpers/videoSite.ts'

// The restore drill: a deployment with published content, drafts, versions, uploads and (on SQLite) the
// sample videos with their HLS output is backed up, restored into a fresh data folder and database, and
// compared. Restores go to the same kind of database: the SQLite file and the MongoDB dump are not
// interchangeable (docs/deployment.md).

let work: string
let source: TestPayload
let sourceEnv: NodeJS.ProcessEnv
let backup: BackupResult
let restoredDir: string
let restored: Payload | undefined

/** The environment that points the backup commands at one data folder and its database. */
async function deploymentEnv(dataDir: string): Promise<NodeJS.ProcessEnv> {
  return { ...process.env, GONGYU_DATA_DIR: dataDir, DATABASE_URI: await testDatabaseUri(dataDir), GONGYU_EXPORT_DIR: path.join(dataDir, 'published') }
}

/** sha256 of every file under a data folder's uploads and HLS output, by path. */
async function fileHashes(dataDir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {}
  for (const folder of ['uploads', 'hls']) {
    const entries = await readdir(path.join(dataDir, folder), { recursive: true, withFileTypes: true }).catch(() => [])
    for (const entry of entries.filter((candidate) => candidate.isFile())) {
      const file = path.join(entry.parentPath, entry.name)
      hashes[path.relative(dataDir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex')
    }
  }
  return hashes
}

/** Documents and versions of every collection in the Payload config, as Payload itself counts them. */
async function payloadCounts(payload: Payload): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const collection of payload.config.collections) {
    const slug = collection.slug as CollectionSlug
    counts[slug] = (await payload.count({ collection: slug, overrideAccess: true })).totalDocs
    if (collection.versions) {
      const versions = await payload.findVersions({ collection: slug, limit: 1, depth: 0, overrideAccess: true })
      counts[`${slug} versions`] = versions.totalDocs
    }
  }
  return counts
}

/** Every path under a folder with its content hash (the scratch folder left out): to show a refused restore changed nothing. */
async function folderState(dataDir: string): Promise<Record<string, string>> {
  const state: Record<string, string> = {}
  for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name)
    const relative = path.relative(dataDir, file)
    if (relative === 'tmp' || relative.startsWith(`tmp${path.sep}`)) continue
    state[relative] = entry.isFile() ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'folder'
  }
  return state
}

/**
 * The themes the editor loop saved, and the parents of their versions, read from the restored database
 * itself (a third Payload in one process is more than this test needs).
 */
async function themesSavedDuringBackup(layout: DeploymentLayout): Promise<{ themes: string[]; versionParents: string[] }> {
  const sorted = (ids: unknown[]) => [...new Set(ids.map(String))].sort()
  if (layout.kind === 'sqlite') {
    const client = createClient({ url: `file:${layout.sqliteFile}` })
    try {
      const themes = await client.execute("SELECT id FROM themes WHERE slug LIKE 'backup-during-%'")
      const versions = await client.execute("SELECT parent_id FROM _themes_v WHERE version_slug LIKE 'backup-during-%'")
      return { themes: sorted(themes.rows.map((row) => row.id)), versionParents: sorted(versions.rows.map((row) => row.parent_id)) }
    } finally {
      client.close()
    }
  }
  const client = await MongoClient.connect(layout.mongodbUri)
  try {
    const db = client.db()
    const pattern = /^backup-during-/
    const themes = await db
      .collection('themes')
      .find({ slug: pattern }, { projection: { _id: 1 } })
      .toArray()
    const parents = await db.collection('_themes_versions').distinct('parent', { 'version.slug': pattern })
    return { themes: sorted(themes.map((theme) => theme._id)), versionParents: sorted(parents) }
  } finally {
    await client.close()
  }
}

/** Starts Payload on a restored data folder and database, as `npm run restore` does after putting them in place. */
async function startOn(dataDir: string): Promise<Payload> {
  const { buildGongyuConfig } = await import('@gongyu/cms/config-builder')
  const { getPayload } = await import('payload')
  const config = await buildGongyuConfig({ db: await testDatabaseAdapter(dataDir) })
  return getPayload({ config, key: dataDir })
}

/** Adds the kinds of records a live bank has beyond the seed: drafts of published lessons, new drafts, versions, an upload. */
async function addEditorialHistory(t: TestPayload): Promise<void> {
  const { payload } = t
  const theme = await createTheme(payload)
  await payload.update({ collection: 'themes', id: theme, data: { name: '备份演练主题（改过一次）' } })
  // A published lesson of the bank (or, on an empty database, a new one) gets an unpublished edit.
  const existing = (await payload.find({ collection: 'lessons', limit: 1, depth: 0, overrideAccess: true })).docs[0]
  const lesson = existing ?? (await payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), _status: 'published' } as never }))
  await payload.update({ collection: 'lessons', id: lesson.id, data: { title: '备份演练：未发布的修改' } as never, draft: true })
  const image = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer()
  await payload.create({
    collection: 'media',
    data: { alt: '备份演练图片' },
    file: { data: image, mimetype: 'image/png', name: `backup-drill-${process.pid}.png`, size: image.length },
  })
}

/** A copy of an archive with one entry's bytes changed, re-packed into a well-formed gzip tar: only the hashes can catch it. */
async function tamperedCopy(archive: string, target: string, victim: (name: string) => boolean): Promise<void> {
  const extract = tar.extract()
  const pack = tar.pack()
  const writing = pipeline(pack, createGzip(), createWriteStream(target))
  const reading = (async () => {
    let changed = false
    for await (const entry of extract) {
      const chunks: Buffer[] = []
      for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk)
      const bytes = Buffer.concat(chunks)
      if (!changed && bytes.length > 0 && victim(entry.header.name)) {
        const middle = Math.floor(bytes.length / 2)
        bytes[middle] = (bytes[middle] ?? 0) ^ 0xff
        changed = true
      }
      pack.entry({ ...entry.header, size: bytes.length }, bytes)
    }
    pack.finalize()
    expect(changed).toBe(true)
  })()
  await Promise.all([pipeline(createReadStream(archive), createGunzip(), extract), reading, writing])
}

beforeAll(async () => {
  work = mkdtempSync(path.join(memoryTempDir(), 'gongyu-backup-'))
  const target = await testDatabaseTarget()
  // SQLite: the sample-video slice with its HLS output, seeded once and shared with the video tests. A seeded
  // bank is a SQLite folder, so on MongoDB the file starts empty and its own records are the bank.
  source =
    target.kind === 'sqlite'
      ? await startSeededTestPayload({ name: 'sample-videos', select: sampleVideoSlice, sampleVideos: true, transcodeVideos: true })
      : await startTestPayload()
  await addEditorialHistory(source)
  sourceEnv = await deploymentEnv(source.dataDir)
  const started = performance.now()
  backup = await writeBackup({ env: sourceEnv, archive: path.join(work, 'drill.tar.gz') })
  console.log(
    `[${target.kind}] backup: ${backup.manifest.files.length} files, ${(readFileSync(backup.archive).length / 1024 / 1024).toFixed(1)} MB archive in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  restoredDir = mkdtempSync(path.join(memoryTempDir(), 'gongyu-restored-'))
  // Seeding the sample videos, when their bank is not cached yet for this code, renders and transcodes them.
}, 600_000)

afterAll(async () => {
  await restored?.destroy()
  await source?.close()
  if (restoredDir) rmSync(restoredDir, { recursive: true, force: true })
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('backup and restore drill', () => {
  it('backs up the database, every upload and the HLS output, with counts and hashes', async () => {
    const hashes = await fileHashes(source.dataDir)
    const inArchive = Object.fromEntries(
      backup.manifest.files.filter((file) => file.path.startsWith('files/')).map((file) => [file.path.slice('files/'.length), file.sha256]),
    )
    expect(inArchive).toEqual(hashes)
    expect(Object.keys(hashes).some((file) => file.startsWith('uploads/media/'))).toBe(true)
    if (backup.manifest.database.kind === 'sqlite') {
      expect(Object.keys(hashes).some((file) => file.startsWith('hls/') && file.endsWith('.m3u8'))).toBe(true)
      expect(Object.keys(hashes).some((file) => file.startsWith('uploads/videos/'))).toBe(true)
    }
    expect(backup.manifest.counts).toEqual(await countDatabase(deploymentLayout(sourceEnv)))
    expect(Object.values(backup.manifest.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
  })

  it('restores into a fresh data folder with zero differences, and rebuilds search there', async () => {
    const restoredEnv = await deploymentEnv(restoredDir)
    const result = await restoreBackup({ archive: backup.archive, env: restoredEnv })
    expect(result.differences).toEqual([])
    expect(await countDatabase(deploymentLayout(restoredEnv))).toEqual(await countDatabase(deploymentLayout(sourceEnv)))
    expect(await fileHashes(restoredDir)).toEqual(await fileHashes(source.dataDir))

    restored = await startOn(restoredDir)
    const [before, after] = [await payloadCounts(source.payload), await payloadCounts(restored)]
    expect(after).toEqual(before)
    console.log(`restore drill counts: ${JSON.stringify(after)}`)
    expect(after['lessons versions']).toBeGreaterThan(after.lessons ?? 0)

    // Drafts stay drafts: the published reading of the restored bank is the source's.
    // `npm run restore` runs in the restored deployment's environment; here the process's is the source's.
    const exportDir = path.join(restoredDir, 'published')
    const sourceExportDir = process.env.GONGYU_EXPORT_DIR
    process.env.GONGYU_EXPORT_DIR = exportDir
    try {
      await rebuildSearch(restored, () => undefined)
    } finally {
      if (sourceExportDir === undefined) delete process.env.GONGYU_EXPORT_DIR
      else process.env.GONGYU_EXPORT_DIR = sourceExportDir
    }
    const exported = JSON.parse(readFileSync(path.join(exportDir, 'published.json'), 'utf8')) as { records: { id: string }[] }
    const publishedIds = (await readPublishedRecords(source.payload)).map((record) => record.id).sort()
    expect(exported.records.map((record) => record.id).sort()).toEqual(publishedIds)
    expect(publishedIds.length).toBeGreaterThan(0)
  })

  it('refuses to restore over a deployment that holds content, unless told to replace it', async () => {
    const before = await folderState(source.dataDir)
    await expect(restoreBackup({ archive: backup.archive, env: sourceEnv })).rejects.toThrow(/不是空的.*--replace/)
    expect(await folderState(source.dataDir)).toEqual(before)
  })

  it('refuses a truncated, a corrupted and a tampered archive before changing anything', async () => {
    const bytes = readFileSync(backup.archive)
    const truncated = path.join(work, 'truncated.tar.gz')
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)))
    const flipped = path.join(work, 'flipped.tar.gz')
    const flippedBytes = Buffer.from(bytes)
    const middle = Math.floor(bytes.length / 2)
    flippedBytes[middle] = (flippedBytes[middle] ?? 0) ^ 0x01
    writeFileSync(flipped, flippedBytes)
    const tampered = path.join(work, 'tampered.tar.gz')
    await tamperedCopy(backup.archive, tampered, (name) => name.startsWith('files/uploads/'))

    // Over the restored deployment with --replace: the most it could overwrite.
    const restoredEnv = await deploymentEnv(restoredDir)
    const before = await folderState(restoredDir)
    const countsBefore = await countDatabase(deploymentLayout(restoredEnv))
    for (const archive of [truncated, flipped, tampered]) {
      const refusal = restoreBackup({ archive, env: restoredEnv, replace: true })
      await expect(refusal).rejects.toBeInstanceOf(BackupError)
      await expect(refusal).rejects.toThrow(/备份文件已损坏或不完整，没有恢复任何内容/)
      expect(await folderState(restoredDir)).toEqual(before)
      expect(await countDatabase(deploymentLayout(restoredEnv))).toEqual(countsBefore)
    }
    await expect(restoreBackup({ archive: tampered, env: restoredEnv, replace: true })).rejects.toThrow(/校验值不符/)
  })

  it('takes a consistent backup while editors save', async () => {
    const { payload } = source
    // An editor saving every 20 ms, far busier than real ones, with a cap so a stuck backup cannot leave it running.
    let saving = true
    let saves = 0
    const editor = (async () => {
      while (saving && saves < 500) {
        await payload.create({ collection: 'themes', data: { name: `备份期间保存的主题${saves}`, slug: `backup-during-${saves}` } })
        saves += 1
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    })()
    let during: BackupResult
    try {
      await new Promise((resolve) => setTimeout(resolve, 200))
      during = await writeBackup({ env: sourceEnv, archive: path.join(work, 'during.tar.gz') })
    } finally {
      saving = false
      await editor
    }
    expect(saves).toBeGreaterThan(1)

    const target = mkdtempSync(path.join(memoryTempDir(), 'gongyu-restored-during-'))
    try {
      const targetEnv = await deploymentEnv(target)
      const result = await restoreBackup({ archive: during.archive, env: targetEnv })
      expect(result.differences).toEqual([])
      if (during.manifest.database.consistency !== 'snapshot') {
        // FerretDB and standalone MongoDB offer no snapshot: the backup must say so rather than claim one (docs/deployment.md).
        expect(during.manifest.database.kind).toBe('mongodb')
        console.log(`per-collection backup (no snapshot on this server): ${saves} saves during the backup`)
        return
      }
      // Each save writes the theme and its first version together: a consistent copy has both or neither.
      const { themes, versionParents } = await themesSavedDuringBackup(deploymentLayout(targetEnv))
      expect(versionParents).toEqual(themes)
      console.log(`consistent backup: ${saves} saves during the backup, ${themes.length} of them in it`)
    } finally {
      rmSync(target, { recursive: true, force: true })
    }
  })
})
