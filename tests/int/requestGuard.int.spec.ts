import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { makeVideoFixtures, type VideoFixtures } from '../fixtures/videoFixtures.ts'
import { type ApiJson, startTestPayload, type TestPayload, type TestRole } from '../helpers/testPayload.ts'

// The API request guard (cms/src/http/guardApiRequest.ts) in front of Payload's REST and GraphQL routes.
const API = 'http://localhost:3000/api'
const MEGABYTE = 1024 * 1024
const PASSWORD = 'correct-horse-battery-9'
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64')

type Id = string | number

let t: TestPayload
let fx: VideoFixtures
let theme: Id

beforeAll(async () => {
  ;[t, fx] = await Promise.all([startTestPayload(), makeVideoFixtures()])
  theme = (await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })).id
})
afterAll(async () => {
  await t?.close()
  if (fx) rmSync(fx.dir, { recursive: true, force: true })
})

/** A body stream of zero bytes in 64 KB chunks, up to `total`, that records how much was pulled from it. */
function countedStream(total: number, prefix = new Uint8Array(0)) {
  const counter = { pulled: 0 }
  let sentPrefix = false
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sentPrefix && prefix.byteLength > 0) {
        sentPrefix = true
        counter.pulled += prefix.byteLength
        controller.enqueue(prefix)
        return
      }
      if (counter.pulled >= total) {
        controller.close()
        return
      }
      const chunk = new Uint8Array(Math.min(64 * 1024, total - counter.pulled))
      counter.pulled += chunk.byteLength
      controller.enqueue(chunk)
    },
  })
  return { stream, counter }
}

function rawRequest(method: string, apiPath: string, init: { headers?: Record<string, string>; body?: BodyInit | null } = {}): Request {
  return new Request(`${API}${apiPath}`, {
    method,
    headers: { 'accept-language': 'zh', ...init.headers },
    body: init.body ?? null,
    duplex: 'half',
  } as RequestInit)
}

async function answer(response: Response): Promise<{ status: number; json: ApiJson; headers: Headers }> {
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers }
}

const messageOf = (json: ApiJson): string => json?.errors?.[0]?.message ?? ''

async function login(email: string, password: string, client: string) {
  return answer(
    await t.send(
      rawRequest('POST', '/users/login', {
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ email, password }),
      }),
    ),
  )
}

async function createStaff(email: string): Promise<void> {
  await t.payload.create({ collection: 'users', data: { email, password: PASSWORD, role: 'editor' } as never })
}

describe('body size limits', () => {
  it('refuses a JSON body declared at 200 MB with 413 and a Chinese reason at once, reading none of it', async () => {
    const { stream, counter } = countedStream(8 * MEGABYTE)
    const started = performance.now()
    const { status, json } = await answer(
      await t.send(
        rawRequest('POST', '/users/login', { headers: { 'content-type': 'application/json', 'content-length': String(200 * MEGABYTE) }, body: stream }),
      ),
    )
    expect(status).toBe(413)
    expect(messageOf(json)).toContain('请求内容超过大小上限 2 MB')
    // A stream queues its first chunk by itself; the guard reads nothing.
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('stops reading a chunked JSON body (no Content-Length) once it passes the limit', async () => {
    const { stream, counter } = countedStream(8 * MEGABYTE)
    const { status, json } = await answer(await t.send(rawRequest('POST', '/users/login', { headers: { 'content-type': 'application/json' }, body: stream })))
    expect(status).toBe(413)
    expect(messageOf(json)).toContain('超过大小上限')
    // The limit plus what the stream had already queued, never the whole body.
    expect(counter.pulled).toBeLessThanOrEqual(2 * MEGABYTE + 256 * 1024)
  })

  it('answers a JSON body or multipart `_payload` that is not an object (PATCH null, an array, a number) with 400 in Chinese, and changes nothing', async () => {
    const id = t.users.editor.id
    for (const body of [null, [], 42, 'text']) {
      const { status, json } = await t.rest('PATCH', `/users/${id}`, { as: 'editor', body })
      expect(status, JSON.stringify(body)).toBe(400)
      expect(messageOf(json)).toContain('必须是一个 JSON 对象')
    }
    const malformed = await answer(
      await t.send(
        rawRequest('PATCH', `/users/${id}`, {
          headers: { 'content-type': 'application/json', authorization: `JWT ${t.users.editor.token}` },
          body: '{"name": ',
        }),
      ),
    )
    expect(malformed.status).toBe(400)
    expect(messageOf(malformed.json)).toContain('不是有效的 JSON')
    for (const fields of ['null', '[1]', '{bad']) {
      const form = new FormData()
      form.append('_payload', fields)
      const encoded = new Response(form)
      const headers = { authorization: `JWT ${t.users.editor.token}`, 'content-type': encoded.headers.get('content-type') ?? '' }
      const { status, json } = await answer(await t.send(rawRequest('PATCH', `/users/${id}`, { headers, body: new Uint8Array(await encoded.arrayBuffer()) })))
      expect(status, fields).toBe(400)
      expect(messageOf(json)).toMatch(/必须是一个 JSON 对象|不是有效的 JSON/)
    }
    const stored = await t.payload.findByID({ collection: 'users', id, depth: 0 })
    expect(stored.email).toBe('editor@example.test')
  })
})

describe('upload limits per collection', () => {
  const multipartHeaders = (role: TestRole, boundary: string, extra: Record<string, string> = {}) => ({
    authorization: `JWT ${t.users[role].token}`,
    'content-type': `multipart/form-data; boundary=${boundary}`,
    ...extra,
  })

  it('refuses a media upload declared at 30 MB with 413 before reading the body (images and PDFs: 20 MB)', async () => {
    const { stream, counter } = countedStream(MEGABYTE)
    const started = performance.now()
    const { status, json } = await answer(
      await t.send(rawRequest('POST', '/media', { headers: multipartHeaders('editor', 'x', { 'content-length': String(30 * MEGABYTE) }), body: stream })),
    )
    expect(status).toBe(413)
    expect(messageOf(json)).toContain('文件超过上传大小上限 20 MB')
    // A stream queues its first chunk by itself; the guard reads nothing.
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('stops a chunked caption upload once it passes the 1 MB caption limit, storing nothing', async () => {
    const boundary = 'gongyu-boundary'
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"language":"zh-CN"}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.vtt"\r\nContent-Type: text/vtt\r\n\r\nWEBVTT\n\n`,
    )
    const { stream, counter } = countedStream(6 * MEGABYTE, head)
    const before = (await t.payload.count({ collection: 'captions' })).totalDocs
    const { status, json } = await answer(await t.send(rawRequest('POST', '/captions', { headers: multipartHeaders('editor', boundary), body: stream })))
    expect(status).toBe(413)
    expect(messageOf(json)).toContain('文件超过上传大小上限 1 MB')
    expect(counter.pulled).toBeLessThan(3 * MEGABYTE)
    expect((await t.payload.count({ collection: 'captions' })).totalDocs).toBe(before)
    expect(readdirSync(path.join(t.dataDir, 'tmp', 'uploads'))).toEqual([])
  })

  it('still accepts a video and an image within their limits through the guard', async () => {
    for (const [apiPath, file, type, data] of [
      ['/videos', fx.clip240, 'video/mp4', { title: '守卫放行的视频' }],
      ['/media', null, 'image/png', { alt: '守卫放行的图片' }],
    ] as const) {
      const form = new FormData()
      form.append('file', new Blob([file ? readFileSync(file) : ONE_PIXEL_PNG], { type }), file ? path.basename(file) : 'pixel.png')
      form.append('_payload', JSON.stringify(data))
      const encoded = new Response(form)
      const body = new Uint8Array(await encoded.arrayBuffer())
      const headers = {
        authorization: `JWT ${t.users.editor.token}`,
        'content-type': encoded.headers.get('content-type') ?? '',
        'content-length': String(body.byteLength),
      }
      const { status, json } = await answer(await t.send(rawRequest('POST', apiPath, { headers, body })))
      expect(status, apiPath).toBe(201)
      expect(json.doc.filename, apiPath).toBeTruthy()
    }
  })

  it('refuses an image over the media limit through the Local API too', async () => {
    const file = path.join(fx.dir, 'pixel.png')
    writeFileSync(file, ONE_PIXEL_PNG)
    process.env.GONGYU_MAX_MEDIA_BYTES = '16'
    try {
      await expect(t.payload.create({ collection: 'media', data: { alt: '太大' }, filePath: file })).rejects.toMatchObject({
        status: 413,
        message: expect.stringContaining('超过上传上限 16 B'),
      })
    } finally {
      delete process.env.GONGYU_MAX_MEDIA_BYTES
    }
  })
})

describe('cross-site requests on the session cookie (CSRF)', () => {
  /** The multipart `_payload` POST of the report: create a case study and publish it at once. */
  async function createCaseStudy(title: string, headers: Record<string, string>) {
    const form = new FormData()
    form.append('_payload', JSON.stringify({ ...validData('case-studies', { theme }), title, _status: 'published' }))
    const encoded = new Response(form)
    const request = rawRequest('POST', '/case-studies', {
      headers: { 'content-type': encoded.headers.get('content-type') ?? '', ...headers },
      body: new Uint8Array(await encoded.arrayBuffer()),
    })
    return answer(await t.send(request))
  }
  const count = async (title: string) =>
    (await t.payload.count({ collection: 'case-studies', where: { title: { equals: title } }, overrideAccess: true })).totalDocs
  const cookie = () => `payload-lng=zh; payload-token=${t.users.reviewer.token}`

  it('refuses a cookie-authenticated POST from a foreign Origin, Referer or opaque origin with 403, creating nothing', async () => {
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { referer: 'https://evil.example/attack.html' },
      { origin: 'http://localhost:4321' },
    ]
    for (const [index, headers] of foreign.entries()) {
      const title = `跨站伪造的案例 ${index}`
      const { status, json } = await createCaseStudy(title, { cookie: cookie(), ...headers })
      expect(status, JSON.stringify(headers)).toBe(403)
      expect(messageOf(json)).toContain('来自其他网站')
      expect(await count(title)).toBe(0)
    }
  })

  it('refuses a cross-site PATCH and DELETE on the cookie as well', async () => {
    const created = await t.payload.create({
      collection: 'case-studies',
      data: { ...validData('case-studies', { theme }), title: '不可跨站修改' } as never,
      draft: true,
    })
    for (const method of ['PATCH', 'DELETE']) {
      const request = rawRequest(method, `/case-studies/${created.id}`, {
        headers: { cookie: cookie(), origin: 'https://evil.example', 'content-type': 'application/json' },
        body: method === 'PATCH' ? JSON.stringify({ title: '被改掉了' }) : null,
      })
      expect((await t.send(request)).status, method).toBe(403)
    }
    expect((await t.payload.findByID({ collection: 'case-studies', id: created.id, draft: true, depth: 0 })).title).toBe('不可跨站修改')
  })

  it('allows the same cookie request from the CMS its own origin', async () => {
    const { status } = await createCaseStudy('同源提交的案例', { cookie: cookie(), origin: 'http://localhost:3000' })
    expect(status).toBe(201)
    expect(await count('同源提交的案例')).toBe(1)
  })

  it('allows a request signed with a JWT header and no cookie, whatever its Origin', async () => {
    const { status } = await createCaseStudy('JWT 提交的案例', { authorization: `JWT ${t.users.reviewer.token}`, origin: 'https://partner.example' })
    expect(status).toBe(201)
    expect(await count('JWT 提交的案例')).toBe(1)
  })
})

describe('logins', () => {
  it('never locks an account: after 12 wrong passwords the right one still signs in', async () => {
    await createStaff('nolock@example.test')
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const { status } = await login('nolock@example.test', `wrong-${attempt}`, `10.0.1.${attempt % 3}`)
      expect(status).toBe(401)
    }
    const { status, json } = await login('nolock@example.test', PASSWORD, '10.0.1.9')
    expect(status).toBe(200)
    expect(json.token).toBeTruthy()
  })

  it('throttles one client after 10 failed logins with 429, Retry-After and a Chinese reason; other clients go on', async () => {
    await createStaff('throttled@example.test')
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await login('throttled@example.test', 'wrong', '10.0.2.1')).status).toBe(401)
    }
    for (const password of ['wrong', PASSWORD]) {
      const refused = await login('throttled@example.test', password, '10.0.2.1')
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(messageOf(refused.json)).toContain('登录尝试过于频繁')
    }
    expect((await login('throttled@example.test', 'wrong', '10.0.2.2')).status).toBe(401)
    expect((await login('throttled@example.test', PASSWORD, '10.0.2.2')).status).toBe(200)
  })

  it('does not count successful logins against the client', async () => {
    await createStaff('often@example.test')
    for (let attempt = 0; attempt < 12; attempt += 1) {
      expect((await login('often@example.test', PASSWORD, '10.0.3.1')).status).toBe(200)
    }
  })

  it('answers an unknown email and a wrong password with the same status and message', async () => {
    await createStaff('known@example.test')
    const unknown = await login('nobody@example.test', 'wrong', '10.0.4.1')
    const wrong = await login('known@example.test', 'wrong', '10.0.4.2')
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(unknown.json).toEqual(wrong.json)
    expect(messageOf(wrong.json)).toBe('邮箱或密码不正确。')
  })

  it('takes as long for an unknown email as for a known one with a wrong password', async () => {
    await createStaff('timing@example.test')
    const times = { known: [] as number[], unknown: [] as number[] }
    // Interleaved, and compared by the fastest of seven tries: other work on the machine only ever adds time.
    for (let round = 0; round < 7; round += 1) {
      for (const kind of ['known', 'unknown'] as const) {
        const started = performance.now()
        const { status } = await login(kind === 'known' ? 'timing@example.test' : `nobody-${round}@example.test`, 'wrong', `10.0.5.${round}`)
        times[kind].push(performance.now() - started)
        expect(status).toBe(401)
      }
    }
    const [known, unknown] = [Math.min(...times.known), Math.min(...times.unknown)]
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
    console.info(
      `login timing (fastest / median of 7): known email ${known.toFixed(0)} / ${median(times.known).toFixed(0)} ms, unknown email ${unknown.toFixed(0)} / ${median(times.unknown).toFixed(0)} ms`,
    )
    expect(Math.max(known, unknown) / Math.min(known, unknown)).toBeLessThan(1.5)
  })

  it('answers a password-reset request at once, known email or not, and throttles the sixth from one client', async () => {
    await createStaff('reset@example.test')
    const reset = (email: string) =>
      rawRequest('POST', '/users/forgot-password', {
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.8.1' },
        body: JSON.stringify({ email }),
      })
    for (const email of ['reset@example.test', 'nobody-reset@example.test', 'reset@example.test', 'nobody-reset@example.test', 'reset@example.test']) {
      const started = performance.now()
      const { status } = await answer(await t.send(reset(email)))
      expect(status).toBe(200)
      // SQLite once held this request for 15 s and then answered 500 ("database is locked").
      expect(performance.now() - started).toBeLessThan(5_000)
    }
    const refused = await answer(await t.send(reset('reset@example.test')))
    expect(refused.status).toBe(429)
  })

  it('throttles password-reset requests per client, counting aliased GraphQL mutations before any runs', async () => {
    const aliases = Array.from({ length: 6 }, (_, index) => `r${index}: forgotPasswordUser(email: "nobody-${index}@example.test")`).join(' ')
    const request = rawRequest('POST', '/graphql', {
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.6.1' },
      body: JSON.stringify({ query: `mutation { ${aliases} }` }),
    })
    const refused = await answer(await t.send(request))
    expect(refused.status).toBe(429)
    expect(messageOf(refused.json)).toContain('找回密码请求过于频繁')
  })

  it('counts every aliased GraphQL login mutation against the client, so one request cannot try many passwords', async () => {
    await createStaff('graphql@example.test')
    const aliases = Array.from({ length: 11 }, (_, index) => `a${index}: loginUser(email: "graphql@example.test", password: "guess-${index}") { token }`).join(
      ' ',
    )
    const request = rawRequest('POST', '/graphql', {
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.7.1' },
      body: JSON.stringify({ query: `mutation { ${aliases} }` }),
    })
    const refused = await answer(await t.send(request))
    expect(refused.status).toBe(429)
    const single = rawRequest('POST', '/graphql', {
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.7.2' },
      body: JSON.stringify({ query: `mutation { loginUser(email: "graphql@example.test", password: "${PASSWORD}") { token } }` }),
    })
    const { status, json } = await answer(await t.send(single))
    expect(status).toBe(200)
    expect(json.data.loginUser.token).toBeTruthy()
  })
})
