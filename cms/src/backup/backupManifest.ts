import { z } from 'zod'

/** The manifest's name inside the archive; it is the last entry, so a truncated archive has none. */
export const MANIFEST_ENTRY = 'manifest.json'

/** Archive entries other than the manifest live under these prefixes. */
export const DATABASE_PREFIX = 'database/'
export const FILES_PREFIX = 'files/'

/** The data-folder subfolders whose files a backup carries: uploads (media, videos, captions, …) and the HLS output. */
export const BACKED_UP_FOLDERS = ['uploads', 'hls'] as const

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)

/** One file in the archive, with the hash of its bytes. */
export const manifestFileSchema = z.object({
  path: z.string().min(1).max(1024),
  bytes: z.number().int().nonnegative(),
  sha256: sha256Hex,
})

/** A MongoDB collection dumped as EJSON lines, with the index definitions to rebuild before loading. */
export const manifestCollectionSchema = z.object({
  name: z.string().min(1),
  entry: z.string().min(1),
  indexesEntry: z.string().min(1),
})

/** What `npm run backup` writes as `manifest.json`; `npm run restore` trusts nothing else in the archive until it matches. */
export const backupManifestSchema = z.object({
  format: z.literal('gongyu-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  database: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('sqlite'), entry: z.string().min(1), consistency: z.literal('snapshot') }),
    z.object({
      kind: z.literal('mongodb'),
      collections: z.array(manifestCollectionSchema),
      consistency: z.enum(['snapshot', 'per-collection']),
    }),
  ]),
  /** Rows per table (SQLite) or documents per collection (MongoDB), for every one in the database. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  files: z.array(manifestFileSchema),
})

export type BackupManifest = z.infer<typeof backupManifestSchema>
export type ManifestFile = z.infer<typeof manifestFileSchema>
