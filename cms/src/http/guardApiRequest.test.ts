import { describe, expect, it } from 'vitest'
import { createApiRequestGuard, LOGIN_FAILED_MESSAGE } from './guardApiRequest'

const env = (values: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...values })

const API = 'http://cms.example/api'

/** A stand-in for Payload's handler that records what reached it. */
function stub(status = 200, body: unknown = { ok: true }) {
  const seen: { request?: Request; text?: string; readError?: unknown; calls: number } = { calls: 0 }
  const handler = async (request: Request) => {
    seen.calls += 1
    seen.request = request
    try {
      seen.text = await request.text()
    } catch (error) {
      // Payload answers a body that fails mid-stream with an error response, as this does.
      seen.readError = error
      return Response.json({ errors: [{ message: 'Something went wrong.' }] }, { status: 500 })
    }
    return Response.json(body, { status })
  }
  return { handler, seen }
}

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(`${API}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, duplex: 'half' } as RequestInit)

async function messageOf(response: Response): Promise<string> {
  return ((await response.json()) as { errors: { message: string }[] }).errors[0]?.message ?? ''
}

describe('createApiRequestGuard', () => {
  it('hands a JSON object body on unchanged', async () => {
    const { handler, seen } = stub()
    const response = await createApiRequestGuard(env({}))(handler)(post('/lessons', '{"title":"课"}'), undefined)
    expect(response.status).toBe(200)
    expect(seen.text).toBe('{"title":"课"}')
  })

  it('honours GONGYU_MAX_JSON_BYTES', async () => {
    const { handler, seen } = stub()
    const response = await createApiRequestGuard(env({ GONGYU_MAX_JSON_BYTES: '10' }))(handler)(post('/lessons', '{"title":"long title"}'), undefined)
    expect(response.status).toBe(413)
    expect(await messageOf(response)).toContain('10 B')
    expect(seen.calls).toBe(0)
  })

  it('throttles forgot-password per client, whatever the answer', async () => {
    const { handler } = stub()
    const guarded = createApiRequestGuard(env({}))(handler)
    const ask = () => guarded(post('/users/forgot-password', '{"email":"a@example.test"}', { 'x-forwarded-for': '10.1.1.1' }), undefined)
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await ask()).status).toBe(200)
    const refused = await ask()
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('gives every failed login, locked or unverified account one 401 and message', async () => {
    for (const status of [401, 403, 423]) {
      const { handler } = stub(status, { errors: [{ message: 'This user is locked due to having too many failed login attempts.' }] })
      const response = await createApiRequestGuard(env({}))(handler)(post('/users/login', '{"email":"a@example.test","password":"x"}'), undefined)
      expect(response.status).toBe(401)
      expect(await messageOf(response)).toBe(LOGIN_FAILED_MESSAGE)
    }
  })

  it('matches the login route as Payload does: percent-encoded and in any case', async () => {
    const { handler } = stub(401)
    const guarded = createApiRequestGuard(env({}))(handler)
    const paths = ['/users/login', '/users/%6Cogin', '/users/LOGIN']
    for (let attempt = 0; attempt < 10; attempt += 1) await guarded(post(paths[attempt % 3] ?? '', '{}', { 'x-forwarded-for': '10.1.2.1' }), undefined)
    expect((await guarded(post('/users/Login', '{}', { 'x-forwarded-for': '10.1.2.1' }), undefined)).status).toBe(429)
  })

  it('counts GraphQL logins however the JSON content type is spelled', async () => {
    const { handler, seen } = stub()
    const guarded = createApiRequestGuard(env({}))(handler)
    const query = JSON.stringify({
      query: `mutation { ${Array.from({ length: 11 }, (_, index) => `a${index}: loginUser(email: "a", password: "${index}") { token }`).join(' ')} }`,
    })
    const response = await guarded(post('/graphql', query, { 'content-type': 'Application/ JSON ; charset=UTF-8' }), undefined)
    expect(response.status).toBe(429)
    expect(seen.calls).toBe(0)
  })

  it('refuses a multipart body on a collection without files at the JSON limit, reading no further', async () => {
    const { handler, seen } = stub()
    const guarded = createApiRequestGuard(env({ GONGYU_MAX_JSON_BYTES: '1000' }))(handler)
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>(
      {
        pull: (controller) => {
          pulled += 64 * 1024
          controller.enqueue(new Uint8Array(64 * 1024))
        },
      },
      { highWaterMark: 0 },
    )
    const request = new Request(`${API}/lessons`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    const response = await guarded(request, undefined)
    expect(response.status).toBe(413)
    expect(await messageOf(response)).toContain('1000 B')
    expect(seen.calls).toBe(0)
    expect(pulled).toBeLessThanOrEqual(2 * 64 * 1024)
  })

  it('stops a streamed upload at its collection limit while the handler reads it', async () => {
    const { handler, seen } = stub()
    const guarded = createApiRequestGuard(env({ GONGYU_MAX_CAPTION_BYTES: '100' }))(handler)
    const stream = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(new Uint8Array(64 * 1024)) })
    const request = new Request(`${API}/captions`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    const response = await guarded(request, undefined)
    expect(response.status).toBe(413)
    expect(await messageOf(response)).toContain('文件超过上传大小上限 100 B')
    expect(seen.readError).toBeInstanceOf(Error)
  })
})
