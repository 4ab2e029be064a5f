import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { finished, pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import tar from 'tar-stream'
import { type BackupManifest, backupManifestSchema, DATABASE_PREFIX, FILES_PREFIX, MANIFEST_ENTRY } from './backupManifest'
import { BackupError } from './BackupError'

/** A manifest larger than this is not one `npm run backup` wrote (a million files is about 150 MB). */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024

/**
 * Whether an archive entry name is one a backup writes: a relative path
 * under `database/` or `files/`, without `..`, empty or absolute parts, so
 * nothing can be written outside the staging folder.
 */
export function isSafeEntryName(name: string): boolean {
  if (name === MANIFEST_ENTRY) return true
  if (!name.startsWith(DATABASE_PREFIX) && !name.startsWith(FILES_PREFIX)) return false
  if (name.includes('\\') || name.includes('\0') || name.length > 1024) return false
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}

function corrupt(detail: string, cause?: unknown): BackupError {
  return new BackupError(`备份文件已损坏或不完整，没有恢复任何内容：${detail}`, { cause })
}

/** Chinese for the stream errors a damaged archive causes; others pass through. */
function explainStreamError(error: unknown): Error {
  if (error instanceof BackupError) return error
  const code = (error as NodeJS.ErrnoException).code ?? ''
  const message = (error as Error).message
  if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(message)) return corrupt('文件在中途结束（可能复制或下载未完成）。', error)
  if (code.startsWith('Z_') || /tar|header|checksum/i.test(message)) return corrupt(`压缩或打包格式出错（${message}）。`, error)
  return error as Error
}

/**
 * Unpacks a backup archive into an empty staging folder and checks it
 * against its manifest: every entry a safe relative path, the manifest
 * valid, every file it lists present with the same size and sha256, and
 * nothing it does not list. Throws a BackupError otherwise. Nothing outside
 * the staging folder is touched, so a damaged archive changes nothing.
 */
export async function extractVerifiedArchive(archive: string, staging: string): Promise<BackupManifest> {
  if (!existsSync(archive)) throw new BackupError(`找不到备份文件：${archive}`)
  const extracted = new Map<string, { bytes: number; sha256: string }>()
  let manifestText: string | undefined
  const extract = tar.extract()
  const reading = (async () => {
    for await (const entry of extract) {
      const { name, type } = entry.header
      if (type !== 'file' || !isSafeEntryName(name)) throw corrupt(`包含不属于备份的条目「${name}」（${type}）。`)
      if (extracted.has(name) || (name === MANIFEST_ENTRY && manifestText !== undefined)) throw corrupt(`条目「${name}」出现了两次。`)
      if (name === MANIFEST_ENTRY) {
        const chunks: Buffer[] = []
        let bytes = 0
        for await (const chunk of entry as AsyncIterable<Buffer>) {
          bytes += chunk.length
          if (bytes > MAX_MANIFEST_BYTES) throw corrupt('清单（manifest.json）大得不合理。')
          chunks.push(chunk)
        }
        manifestText = Buffer.concat(chunks).toString('utf8')
        continue
      }
      const target = path.join(staging, name)
      mkdirSync(path.dirname(target), { recursive: true })
      const hash = createHash('sha256')
      let bytes = 0
      // Uploads and HLS files stay readable by a web server on the same machine; the database stays private.
      const out = createWriteStream(target, { flags: 'wx', mode: name.startsWith(DATABASE_PREFIX) ? 0o600 : 0o644 })
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        hash.update(chunk)
        bytes += chunk.length
        if (!out.write(chunk)) await once(out, 'drain')
      }
      out.end()
      await finished(out)
      extracted.set(name, { bytes, sha256: hash.digest('hex') })
    }
  })()
  // A refused entry stops the reading; destroying the unpacker then stops the feeding too, instead of it waiting forever.
  reading.catch((error: Error) => extract.destroy(error))
  const feeding = pipeline(createReadStream(archive), createGunzip(), extract)
  const [read, fed] = await Promise.allSettled([reading, feeding])
  if (read.status === 'rejected') throw explainStreamError(read.reason)
  if (fed.status === 'rejected') throw explainStreamError(fed.reason)

  if (manifestText === undefined) throw corrupt('缺少清单（manifest.json），备份可能在写入或复制时被截断。')
  let parsed: unknown
  try {
    parsed = JSON.parse(manifestText)
  } catch (error) {
    throw corrupt('清单（manifest.json）不是有效的 JSON。', error)
  }
  const checked = backupManifestSchema.safeParse(parsed)
  if (!checked.success) throw corrupt(`清单（manifest.json）格式不对，或来自不兼容的版本：${checked.error.issues[0]?.message ?? ''}`)
  const manifest = checked.data

  const listed = new Set<string>()
  for (const file of manifest.files) {
    listed.add(file.path)
    const found = extracted.get(file.path)
    if (!found) throw corrupt(`清单列出的文件「${file.path}」不在备份里。`)
    if (found.bytes !== file.bytes || found.sha256 !== file.sha256) throw corrupt(`文件「${file.path}」的内容与清单记录的校验值不符。`)
  }
  for (const name of extracted.keys()) if (!listed.has(name)) throw corrupt(`文件「${name}」不在清单里。`)
  const databaseEntries =
    manifest.database.kind === 'sqlite' ? [manifest.database.entry] : manifest.database.collections.flatMap((c) => [c.entry, c.indexesEntry])
  for (const entry of databaseEntries) if (!listed.has(entry)) throw corrupt(`数据库部分「${entry}」不在清单里。`)
  return manifest
}
