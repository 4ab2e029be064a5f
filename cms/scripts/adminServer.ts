// The CMS's part of `npm start` and `npm run dev`, exported as `@gongyu/cms/server` for the
// orchestrator at the repository root (scripts/start.ts), so it never reaches into cms/ by file path.
// Runs with plain Node: imports carry their `.ts` extension.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureProductionBuild } from './productionBuild.ts'

export { loadEnvFiles } from '../src/env/loadEnvFiles.ts'
export { type CmsSettings, cmsSettings } from '../src/env/settings.ts'
export { deploymentProblems } from '../src/env/deploymentShape.ts'

const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')

/** Runs one of the CMS's Payload scripts to the end with its output shown; true when it succeeded. */
function runPayloadScript(script: string, args: string[] = []): boolean {
  const result = spawnSync('payload', ['run', script, ...(args.length > 0 ? ['--', ...args] : [])], { cwd: cmsRoot, stdio: 'inherit', env: process.env })
  return result.status === 0
}

/** Loads the starter content when the database has no lessons yet (`npm run seed -- --if-empty`); true when it succeeded. */
export function seedIfEmpty(): boolean {
  return runPayloadScript('src/seed/runSeed.ts', ['--if-empty'])
}

/** Writes the published export once (`npm run export`), for the site runner's first build; true when it succeeded. */
export function exportPublishedContent(): boolean {
  return runPayloadScript('src/publishing/runExport.ts')
}

/**
 * Makes sure a production build of the current code exists: built once,
 * rebuilt only when the code changes (productionBuild.ts). Throws with a
 * Chinese message when the build fails.
 */
export function prepareProductionBuild(): Promise<'built' | 'reused'> {
  return ensureProductionBuild(cmsRoot, nextBin)
}

/** How to start the admin and API: the command, for the orchestrator to spawn and restart as its own child. */
export interface AdminServerCommand {
  command: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
}

/**
 * `next start` (or `next dev --webpack` with `development`) on `host:port`.
 * The dev server has endpoints (such as opening files in an editor) that
 * must never face a network, so the caller passes 127.0.0.1 for it.
 */
export function adminServerCommand(options: { development: boolean; host: string; port: number }): AdminServerCommand {
  const args = options.development ? ['dev', '--webpack'] : ['start']
  return {
    command: process.execPath,
    args: [nextBin, ...args, '--hostname', options.host, '--port', String(options.port)],
    cwd: cmsRoot,
    // `next start` keeps a NODE_ENV it is given; a build served with React's development mode would be slow and wrong.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1', NODE_ENV: options.development ? 'development' : 'production' },
  }
}
