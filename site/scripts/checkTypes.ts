// `npm run typecheck --workspace site`: `astro check` over the .astro files and the TypeScript beside them.
// Astro syncs the content collections first, which runs the export loader; a fresh clone has no export,
// so the check reads an empty one written here (the collections' types come from the contract's schemas, not the data).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PUBLISHED_EXPORT_FILE } from '@gongyu/contract/server'
import type { PublishedContent } from '@gongyu/contract'
import { siteRoot } from './buildSite.ts'

const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs')
const exportDir = mkdtempSync(path.join(tmpdir(), 'gongyu-check-'))
const empty: PublishedContent = { generatedAt: new Date().toISOString(), records: [], themes: [], organizations: [], courseLists: [] }
writeFileSync(path.join(exportDir, PUBLISHED_EXPORT_FILE), JSON.stringify(empty))
try {
  const result = spawnSync(process.execPath, [astroBin, 'check', '--minimumFailingSeverity', 'warning'], {
    cwd: siteRoot,
    stdio: 'inherit',
    env: { ...process.env, GONGYU_EXPORT_DIR: exportDir, ASTRO_TELEMETRY_DISABLED: '1' },
  })
  if (result.error) throw result.error
  process.exitCode = result.status ?? 1
} finally {
  rmSync(exportDir, { recursive: true, force: true })
}
