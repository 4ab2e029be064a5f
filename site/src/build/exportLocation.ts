import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, three folders up from `site/src/build/`. */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/** The export's file name; the CMS writes it (`npm run export`). */
export const PUBLISHED_FILE = 'published.json'

/**
 * Where the CMS export is read from. The same rule as the CMS writer
 * (`cms/src/publishing/writePublishedExport.ts`), repeated here because the
 * site must never import CMS code: `GONGYU_EXPORT_DIR`, else `published/` in
 * `GONGYU_DATA_DIR`, else `<repo>/data/published`.
 */
export function publishedExportFile(env: NodeJS.ProcessEnv = process.env): string {
  const directory = env.GONGYU_EXPORT_DIR
    ? path.resolve(env.GONGYU_EXPORT_DIR)
    : path.join(env.GONGYU_DATA_DIR ? path.resolve(env.GONGYU_DATA_DIR) : path.join(repositoryRoot, 'data'), 'published')
  return path.join(directory, PUBLISHED_FILE)
}

/** The message a build stops with when there is nothing to build from. */
export function missingExportMessage(file: string): string {
  return [
    `找不到已发布内容的导出文件：${file}`,
    '网站只从 CMS 导出的已发布内容构建。请先运行 npm run export（把已发布内容导出到上面的位置），',
    '或运行 npm start（会自动导入初始内容、导出并构建网站）。',
    '如果导出文件在别处，请用环境变量 GONGYU_EXPORT_DIR 指定它所在的文件夹。',
  ].join('\n')
}

/** True when the export exists. */
export function hasPublishedExport(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(publishedExportFile(env))
}
