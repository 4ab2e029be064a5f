import { searchConfig } from '@gongyu/search/server'
// Imports carry their `.ts` extension: `npm start`'s orchestrator (scripts/start.ts) runs this file with plain Node.
import { databaseKind } from '../db/databaseKind.ts'
import { cmsSettings } from './settings.ts'

/**
 * Why this process must not start in the deployment its environment
 * describes, as Chinese + English lines; empty when it may.
 *
 * One machine (the default) serves and runs jobs in one process, on SQLite
 * or MongoDB, with the embedded search engine or Meilisearch. Several web
 * instances (`GONGYU_INSTANCES` > 1) and the separate worker (`npm run
 * worker`) need what every process can share:
 * - MongoDB: a SQLite file has one writer, and its write queue
 *   (db/serializeTransactions.ts) is per process;
 * - Meilisearch: the embedded index lives in each process's memory and
 *   learns only of the saves made in that process, so a publish on another
 *   instance, or one made by the worker (a scheduled publish, a finished
 *   transcode), would never reach it. Catching up from the database instead
 *   would mean every instance re-reading all published content on a timer,
 *   and an unpublish or delete leaves no record to find; Meilisearch is
 *   required.
 */
export function deploymentProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const settings = cmsSettings(env)
  const several = settings.instances > 1
  if (!several && settings.role !== 'worker') return []
  const who = settings.role === 'worker' ? '任务进程（npm run worker）' : `多个后台实例（GONGYU_INSTANCES=${settings.instances}）`
  const whoEnglish = settings.role === 'worker' ? 'The job worker (npm run worker)' : `Several CMS instances (GONGYU_INSTANCES=${settings.instances})`
  const problems: string[] = []
  if (databaseKind(settings.databaseUri) !== 'mongodb') {
    problems.push(
      `${who}需要共用一个 MongoDB 数据库：请设置 DATABASE_URI=mongodb://…。SQLite 文件只能由一个进程写入。` +
        `\n${whoEnglish} need one shared MongoDB: set DATABASE_URI=mongodb://…; a SQLite file has a single writer.`,
    )
  }
  if (!searchConfig(env).meilisearch) {
    problems.push(
      `${who}需要 Meilisearch：请设置 MEILI_HOST（和 MEILI_ADMIN_KEY）。内置搜索索引在每个进程的内存里，看不到其他实例和任务进程发布的内容，搜索结果会出错。` +
        `\n${whoEnglish} need Meilisearch: set MEILI_HOST (and MEILI_ADMIN_KEY). The embedded index lives in each process's memory and misses what other instances and the worker publish.`,
    )
  }
  return problems
}
