import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The `site/` folder. */
export const siteRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs')

export interface BuildOptions {
  /** Where the built site goes. */
  outDir: string
  /** Extra environment: GONGYU_EXPORT_DIR, GONGYU_SITE_URL, GONGYU_BUILD_DATE… */
  env?: Record<string, string | undefined>
  /** Where Astro's output goes; by default it is collected and shown only on failure. */
  stdio?: 'inherit' | 'pipe'
}

/** Result of one build: how long it took and what Astro printed. */
export interface BuildResult {
  seconds: number
  output: string
}

/**
 * Runs `astro build` in a child process with this Node (Astro 7 needs
 * ≥ 22.12), writing to `outDir` with a cache of its own beside it, so two
 * builds (a test and the dev runner) never share Astro's data store.
 */
export function buildSite({ outDir, env = {}, stdio = 'pipe' }: BuildOptions): Promise<BuildResult> {
  const started = performance.now()
  // With outDir outside the working folder, Astro writes its prerender chunks to `<cwd>/.astro/`:
  // a working folder per build (inside site/, so the chunks still find node_modules) keeps concurrent builds apart.
  mkdirSync(path.join(siteRoot, '.astro'), { recursive: true })
  const workingFolder = mkdtempSync(path.join(siteRoot, '.astro', 'build-'))
  const child = spawn(process.execPath, [astroBin, 'build', '--root', siteRoot], {
    cwd: workingFolder,
    stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      GONGYU_SITE_OUT_DIR: path.resolve(outDir),
      GONGYU_SITE_CACHE_DIR: `${path.resolve(outDir)}.astro-cache`,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) => {
      rmSync(workingFolder, { recursive: true, force: true })
      const seconds = (performance.now() - started) / 1000
      if (code === 0) resolve({ seconds, output })
      else reject(new Error(`网站构建失败（astro build 退出码 ${code}）。\n${output.slice(-4000)}`))
    })
  })
}
