import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'

import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from './freePort.ts'

const startScript = fileURLToPath(new URL('../../cms/scripts/start.ts', import.meta.url))

export interface RunningCms {
  url: string
  admin: { email: string; password: string }
  stop: () => Promise<void>
}

/**
 * Starts the CMS the way `npm start` does (seed an empty database, then the
 * Next.js server) on a free port with a data folder of its own.
 */
export async function startCmsServer(timeoutMs = 300_000): Promise<RunningCms> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gongyu-e2e-'))
  const port = await freePort()
  const admin = { email: 'admin@example.test', password: 'e2e-admin-password' }
  const env = {
    ...process.env,
    NODE_ENV: 'development' as const,
    PORT: String(port),
    GONGYU_DATA_DIR: dataDir,
    GONGYU_ADMIN_EMAIL: admin.email,
    GONGYU_ADMIN_PASSWORD: admin.password,
    GONGYU_DISABLE_JOB_RUNNER: '1',
    // The admin tests need the CMS only; the site has tests of its own, and port 4321 may be taken.
    GONGYU_SITE_PORT: 'off',
  }
  const child: ChildProcess = spawn(process.execPath, [startScript], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const url = `http://localhost:${port}`
  const deadline = Date.now() + timeoutMs
  const stop = async () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 500))
    rmSync(dataDir, { recursive: true, force: true })
  }
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`CMS exited with ${child.exitCode}:\n${output.slice(-3000)}`)
    try {
      const response = await fetch(`${url}/admin/login`)
      if (response.ok) return { url, admin, stop }
    } catch {
      // Not listening yet: keep polling until the deadline.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  await stop()
  throw new Error(`CMS did not serve /admin/login within ${timeoutMs} ms:\n${output.slice(-3000)}`)
}
