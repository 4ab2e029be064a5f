import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { memoryTempDir } from './memoryTempDir.ts'

/** A parsed API response body: tests read it freely and their assertions, not types, check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are arbitrary JSON that each test asserts on
export type ApiJson = any

/** The staff accounts every integration test can act as. */
export type TestRole = 'admin' | 'editor' | 'reviewer' | 'orgAdminA' | 'orgAdminB'

export interface TestPayload {
  payload: Payload
  dataDir: string
  /** Signed-in users by role, with their tokens for REST. */
  users: Record<TestRole, { id: string | number; token: string; user: Record<string, unknown> }>
  organizations: { a: string | number; b: string | number }
  /** Calls the REST API through Payload's own HTTP handler, as the Next.js route does. */
  rest: (method: string, apiPath: string, options?: { as?: TestRole; body?: unknown }) => Promise<{ status: number; json: ApiJson }>
  /** Posts a GraphQL query through Payload's GraphQL route handler. */
  graphql: (query: string, options?: { as?: TestRole; variables?: Record<string, unknown> }) => Promise<{ status: number; json: ApiJson }>
  /** Sends a raw request (any headers, a streamed body) through the API request guard to REST, GraphQL or the anonymous writes, as the Next.js routes do. */
  send: (request: Request) => Promise<Response>
  /** Sends a multipart upload (file plus `_payload` fields) through the guard and REST, as the admin's upload form does. */
  upload: (
    method: 'POST' | 'PATCH',
    apiPath: string,
    file: { bytes: Uint8Array; filename: string; type: string },
    options: { as: TestRole; data?: Record<string, unknown> },
  ) => Promise<{ status: number; json: ApiJson }>
  close: () => Promise<void>
}

const PASSWORD = 'test-password-123'
const ANONYMOUS_WRITE_PATH = /^\/api\/anonymous\/([^/]+)$/

export interface StartTestPayloadOptions {
  /**
   * A data folder to start from a copy of: one made by tests/helpers/seededBank.ts,
   * where the harness organizations and users already exist. SQLite only.
   */
  from?: string
}

/**
 * Starts Payload on a fresh database for one test file: a new SQLite file in
 * a temporary folder (a fresh file avoids schema-push prompts), or the
 * MongoDB named by `DATABASE_URI` with a database of its own. With `from`,
 * the temporary folder starts as a copy of that folder.
 */
export async function startTestPayload(options: StartTestPayloadOptions = {}): Promise<TestPayload> {
  if (options.from && process.env.GONGYU_TEST_DATABASE === 'mongodb') throw new Error('a seeded bank is a SQLite data folder: start from it on SQLite only')
  const dataDir = mkdtempSync(path.join(memoryTempDir(), 'gongyu-test-'))
  if (options.from) cpSync(options.from, dataDir, { recursive: true })
  process.env.GONGYU_DATA_DIR = dataDir
  process.env.PAYLOAD_SECRET ??= 'gongyu-test-secret'
  const { buildGongyuConfig } = await import('@gongyu/cms/config-builder')
  const { testDatabaseAdapter } = await import('./testDatabase.ts')
  const config = await buildGongyuConfig({ db: await testDatabaseAdapter(dataDir) })
  const { getPayload, handleEndpoints } = await import('payload')
  const payload = await getPayload({ config, key: dataDir })
  // The CMS's own GraphQL route: Payload's handler plus the query-size check and a 400 for refused queries.
  const { graphqlPost } = await import('../../cms/src/graphql/graphqlPost.ts')
  // The same guard as the Next.js routes (body limits, CSRF, login throttle), fresh for each test file.
  const { createApiRequestGuard } = await import('../../cms/src/http/guardApiRequest.ts')
  const guard = createApiRequestGuard()
  const restHandler = guard((request: Request) => handleEndpoints({ config, request, payloadInstanceCacheKey: dataDir }))
  const graphqlHandler = guard(graphqlPost(config))
  // The anonymous writes' own route (app/(payload)/api/anonymous/[kind]), which Next prefers to the REST catch-all for POST.
  const { anonymousWriteRoute } = await import('../../cms/src/anonymousWrites/anonymousWriteRoute.ts')
  const anonymousWriteHandler = guard(anonymousWriteRoute(async () => payload))
  const send: TestPayload['send'] = (request) => {
    const { pathname } = new URL(request.url)
    if (pathname === '/api/graphql') return graphqlHandler(request, undefined)
    const anonymousKind = ANONYMOUS_WRITE_PATH.exec(pathname)?.[1]
    if (anonymousKind !== undefined && request.method === 'POST') {
      // Next passes the dynamic segment decoded.
      return anonymousWriteHandler(request, { params: Promise.resolve({ kind: decodeURIComponent(anonymousKind) }) })
    }
    return restHandler(request, undefined)
  }

  const organizations = options.from ? await harnessOrganizations(payload) : await createHarnessOrganizations(payload)
  const users = {} as TestPayload['users']
  for (const [role, fields] of Object.entries(harnessAccounts(organizations)) as [TestRole, Record<string, unknown>][]) {
    const email = `${role.toLowerCase()}@example.test`
    const id = options.from
      ? (await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]?.id
      : (await payload.create({ collection: 'users', data: { email, password: PASSWORD, ...fields } as never })).id
    if (id === undefined) throw new Error(`${options.from} has no harness user ${email}: it was not made by seededBank.ts`)
    const login = await payload.login({ collection: 'users', data: { email, password: PASSWORD } })
    users[role] = { id, token: login.token ?? '', user: login.user as unknown as Record<string, unknown> }
  }

  const headersFor = (as?: TestRole): Record<string, string> => ({
    'content-type': 'application/json',
    'accept-language': 'zh',
    ...(as ? { authorization: `JWT ${users[as].token}` } : {}),
  })

  const rest: TestPayload['rest'] = async (method, apiPath, options = {}) => {
    const request = new Request(`http://localhost:3000/api${apiPath}`, {
      method,
      headers: headersFor(options.as),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const response = await send(request)
    const text = await response.text()
    return { status: response.status, json: text ? JSON.parse(text) : null }
  }

  const graphql: TestPayload['graphql'] = async (query, options = {}) => {
    const request = new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: headersFor(options.as),
      body: JSON.stringify({ query, variables: options.variables ?? {} }),
    })
    const response = await send(request)
    return { status: response.status, json: await response.json() }
  }

  const upload: TestPayload['upload'] = async (method, apiPath, file, options) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.filename)
    form.append('_payload', JSON.stringify(options.data ?? {}))
    // Encoded up front with its length, as a browser sends it (a FormData stream errors when Payload stops reading it).
    const encoded = new Response(form)
    const request = new Request(`http://localhost:3000/api${apiPath}`, {
      method,
      headers: { authorization: `JWT ${users[options.as].token}`, 'accept-language': 'zh', 'content-type': encoded.headers.get('content-type') ?? '' },
      body: new Uint8Array(await encoded.arrayBuffer()),
    })
    const response = await send(request)
    const text = await response.text()
    return { status: response.status, json: text ? JSON.parse(text) : null }
  }

  return {
    payload,
    dataDir,
    users,
    organizations,
    rest,
    graphql,
    send,
    upload,
    close: async () => {
      await payload.destroy()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

const HARNESS_ORGANIZATIONS = {
  a: { name: '甲镇家长学校', type: 'parent-school', region: '甘肃省某县', slug: 'org-a' },
  b: { name: '乙社区工作坊', type: 'community-workshop', region: '广东省某区', slug: 'org-b' },
} as const

async function createHarnessOrganizations(payload: Payload): Promise<TestPayload['organizations']> {
  return {
    a: (await payload.create({ collection: 'organizations', data: HARNESS_ORGANIZATIONS.a })).id,
    b: (await payload.create({ collection: 'organizations', data: HARNESS_ORGANIZATIONS.b })).id,
  }
}

/** The harness organizations of a database started from a seeded bank, found by slug. */
async function harnessOrganizations(payload: Payload): Promise<TestPayload['organizations']> {
  const idOf = async (slug: string) => {
    const found = await payload.find({ collection: 'organizations', where: { slug: { equals: slug } }, limit: 1, depth: 0, overrideAccess: true })
    const id = found.docs[0]?.id
    if (id === undefined) throw new Error(`the seeded bank has no harness organization ${slug}`)
    return id
  }
  return { a: await idOf(HARNESS_ORGANIZATIONS.a.slug), b: await idOf(HARNESS_ORGANIZATIONS.b.slug) }
}

function harnessAccounts(organizations: TestPayload['organizations']): Record<TestRole, Record<string, unknown>> {
  return {
    admin: { role: 'admin' },
    editor: { role: 'editor' },
    reviewer: { role: 'reviewer' },
    orgAdminA: { role: 'org-admin', organization: organizations.a },
    orgAdminB: { role: 'org-admin', organization: organizations.b },
  }
}
