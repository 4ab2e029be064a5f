import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCmsServer, type RunningCms } from '../helpers/cmsServer.ts'

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))
/** This machine's first non-loopback IPv4 address, as another computer on the school's network would use it. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address?.family === 'IPv4' && !address.internal)?.address

// `npm start` as a school runs it: seed, production build (reused when the code is unchanged),
// `next start`, and the parents' site beside it.
let cms: RunningCms

beforeAll(async () => {
  cms = await startCmsServer({ site: true })
}, 960_000)

afterAll(async () => {
  await cms?.stop()
})

/** The orchestrator's direct children: pid and the name each shows in `ps` (Next renames its server process). */
function childrenOf(pid: number): { pid: number; command: string }[] {
  const listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
  return listing
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), command: match[2] as string }))
}

const nextServerOf = (pid: number) => childrenOf(pid).find((child) => child.command.startsWith('next-server'))
/** The admin's process: the orchestrator's child that is not the site runner (whatever Next calls it). */
const adminProcessOf = (pid: number) => childrenOf(pid).find((child) => !child.command.includes('siteRunner'))

async function status(url: string): Promise<number> {
  try {
    const response = await fetch(url)
    await response.arrayBuffer()
    return response.status
  } catch {
    // Nothing listening: 0, so a poll can wait for the server to come back.
    return 0
  }
}

describe('npm start', () => {
  it('serves the production build with next start, not the dev server', async () => {
    // The orchestrator's own child is Next's production server (`next dev` would be a CLI process forking one).
    expect(childrenOf(cms.pid).map((child) => child.command)).toContainEqual(expect.stringMatching(/^next-server/))
    expect(
      childrenOf(cms.pid)
        .map((child) => child.command)
        .join('\n'),
    ).not.toMatch(/next(\.js)?\s+dev|next-dev/)
    // The dev server's endpoint that opens files in an editor is not there.
    expect(await status(`${cms.url}/__nextjs_launch-editor?file=/etc/passwd&line=1`)).toBe(404)
    expect(await status(`${cms.url}/__nextjs_original-stack-frames`)).toBe(404)
    // The build it serves is stamped with its code's hash, so the next start reuses it (tests/int/productionBuild.spec.ts).
    const stamp = readFileSync(path.join(repositoryRoot, 'cms', '.next', 'gongyu-build-stamp'), 'utf8').trim()
    expect(stamp).toMatch(/^[0-9a-f]{64}$/)
    expect(cms.output()).toMatch(/使用已有的生产构建|正在构建生产版本/)
  })

  it('serves the admin and API by address (127.0.0.1), without X-Powered-By and unframeable', async () => {
    const response = await fetch(`${cms.url}/admin/login`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<html')
    expect(response.headers.get('x-powered-by')).toBeNull()
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    const api = await fetch(`${cms.url}/api/lessons?limit=1`)
    expect(api.status).toBe(200)
    expect(api.headers.get('x-powered-by')).toBeNull()
    expect(api.headers.get('x-frame-options')).toBe('DENY')
  })

  // A machine with no network interface but loopback has no address to try.
  it.skipIf(!lanAddress)('listens on every interface by default, so other computers reach the admin by the server’s address', async () => {
    const port = new URL(cms.url).port
    expect(await status(`http://${lanAddress}:${port}/admin/login`)).toBe(200)
  })

  it('keeps the parents’ site up when the admin process dies, says so, and restarts the admin', async () => {
    const server = adminProcessOf(cms.pid)
    expect(server).toBeDefined()
    process.kill(server?.pid as number, 'SIGKILL')
    // For the next few seconds, whatever the admin does, the site answers every request.
    for (let attempt = 0; attempt < 8; attempt += 1) {
      expect(await status(`${cms.siteUrl}/`)).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(() => process.kill(cms.pid, 0)).not.toThrow()
    expect(cms.output()).toContain('家长网站照常运行')
    await expect.poll(() => status(`${cms.url}/admin/login`), { timeout: 60_000, interval: 1000 }).toBe(200)
    expect(nextServerOf(cms.pid)?.pid).not.toBe(server?.pid)
    expect(await status(`${cms.siteUrl}/`)).toBe(200)
  }, 90_000)
})
