import { createServer, type Server, type Socket } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'

const LIMIT_MS = 10_000
let silentServer: Server
let silentPort: number
const sockets: Socket[] = []

beforeAll(async () => {
  // Accepts connections and never answers: a server that would make a naive client hang.
  silentServer = createServer((socket) => sockets.push(socket))
  await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve))
  silentPort = (silentServer.address() as { port: number }).port
})
afterAll(() => {
  for (const socket of sockets) socket.destroy()
  silentServer.close()
})

/** Starts Payload with the given DATABASE_URI and reports how it failed and how long it took. */
async function startWith(uri: string): Promise<{ error: Error; ms: number }> {
  const { buildGongyuConfig } = await import('@gongyu/cms/config-builder')
  const { getPayload } = await import('payload')
  const env = { ...process.env, DATABASE_URI: uri, GONGYU_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'gongyu-badurl-')) }
  const started = Date.now()
  try {
    const config = await buildGongyuConfig({ env })
    await getPayload({ config, key: `bad-${uri}` })
  } catch (error) {
    return { error: error as Error, ms: Date.now() - started }
  }
  throw new Error(`Payload started with DATABASE_URI=${uri}`)
}

// Concurrent: three of these wait out the connection limit, and waiting one after another only adds up the waits.
describe.concurrent('a wrong or unreachable DATABASE_URI', () => {
  it('an unknown scheme fails at once with a Chinese message', async ({ expect }) => {
    const { error, ms } = await startWith('postgres://user:secret@127.0.0.1:5432/gongyu')
    expect(error.message).toContain('无法识别 DATABASE_URI')
    expect(error.message).not.toContain('secret')
    expect(ms).toBeLessThan(LIMIT_MS)
  })

  it('a refused port fails within 10 seconds and says what to check', async ({ expect }) => {
    const { error, ms } = await startWith('mongodb://127.0.0.1:1/gongyu')
    expect(error.message).toContain('无法连接 MongoDB')
    expect(error.message).toContain('DATABASE_URI')
    expect(ms).toBeLessThan(LIMIT_MS)
  })

  it('a host name that does not resolve fails within 10 seconds', async ({ expect }) => {
    const { error, ms } = await startWith('mongodb://gongyu-no-such-host.invalid:27017/gongyu')
    expect(error.message).toContain('无法连接 MongoDB')
    expect(ms).toBeLessThan(LIMIT_MS)
  })

  it('a server that never answers fails within 10 seconds instead of hanging, without printing the password', async ({ expect }) => {
    const { error, ms } = await startWith(`mongodb://admin:hunter2@127.0.0.1:${silentPort}/gongyu`)
    expect(error.message).toContain('无法连接 MongoDB')
    expect(error.message).toContain('admin:***@')
    expect(error.message).not.toContain('hunter2')
    expect(ms).toBeLessThan(LIMIT_MS)
  }, 20_000)
})
