import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { databaseKind } from '../db/databaseKind'
import { cmsSettings } from '../env/settings'
import { BackupError } from './BackupError'

/** Where one deployment keeps its database and files, as its environment says. */
export type DeploymentLayout = { kind: 'sqlite'; sqliteFile: string; dataDir: string } | { kind: 'mongodb'; mongodbUri: string; dataDir: string }

/** Reads `DATABASE_URI` and `GONGYU_DATA_DIR` the way the CMS does (env/settings.ts, db/databaseAdapter.ts). */
export function deploymentLayout(env: NodeJS.ProcessEnv = process.env): DeploymentLayout {
  const settings = cmsSettings(env)
  const uri = settings.databaseUri
  if (databaseKind(uri) === 'mongodb') return { kind: 'mongodb', mongodbUri: uri as string, dataDir: settings.dataDir }
  if (!uri) return { kind: 'sqlite', sqliteFile: path.join(settings.dataDir, 'gongyu.db'), dataDir: settings.dataDir }
  if (!uri.startsWith('file:')) {
    throw new BackupError(
      `DATABASE_URI 指向远程 libsql 数据库（${uri.replace(/\/\/[^@/]*@/, '//***@')}）：请使用服务商自带的备份。本命令只备份本机 SQLite 文件或 MongoDB。`,
    )
  }
  // `file:/abs/path`, `file:///abs/path` and `file:relative/path` all occur in practice.
  const file = uri.startsWith('file://') ? fileURLToPath(uri) : (uri.slice('file:'.length).split('?')[0] ?? '')
  return { kind: 'sqlite', sqliteFile: path.resolve(file), dataDir: settings.dataDir }
}
