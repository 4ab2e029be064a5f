import { formatBytes } from '../video/videoLimits'
import { apiGuardSettings, type ApiGuardSettings } from './apiGuardSettings'
import { isCrossOriginCookieRequest } from './checkRequestOrigin'
import { clientAddress } from './clientAddress'
import { graphqlAuthFields } from './graphqlAuthFields'
import { limitBodyStream } from './limitBodyStream'
import { LoginThrottle } from './loginThrottle'
import { readLimitedBody } from './readLimitedBody'
import { refusal } from './refusal'

/** A Next.js route handler, as Payload's REST and GraphQL routes build them. */
export type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>

/** Wraps a route handler so every request passes the guard first. */
export type ApiRequestGuard = <Context>(handler: RouteHandler<Context>) => RouteHandler<Context>

/** One message for every failed login, so it never tells whether the email exists or how the password was wrong. */
export const LOGIN_FAILED_MESSAGE = '邮箱或密码不正确。'

// Payload answers a wrong password 401, a locked account 423 and an unverified one 403.
const LOGIN_FAILURE_STATUSES = new Set([401, 403, 423])
const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

type AuthAction = 'login' | 'forgotPassword'

/** The decoded path segments after `/api`, as Payload matches them (it decodes each one). */
function apiSegments(url: string): string[] {
  const segments = new URL(url).pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment)
      } catch (error) {
        if (error instanceof URIError) return segment
        throw error
      }
    })
  return segments[0] === 'api' ? segments.slice(1) : segments
}

function declaredLength(headers: Headers): number | undefined {
  const raw = headers.get('content-length')
  if (raw === null || raw.trim() === '') return undefined
  const value = Number(raw)
  return Number.isFinite(value) ? value : undefined
}

function bodyTooLarge(limit: number): Response {
  return refusal(413, `请求内容超过大小上限 ${formatBytes(limit)}，请删减后重试；图片、视频和文件请用上传功能。`)
}

function uploadTooLarge(fileLimit: number): Response {
  return refusal(413, `文件超过上传大小上限 ${formatBytes(fileLimit)}，请压缩后重新上传。`)
}

function throttled(action: AuthAction, retryAfterSeconds: number): Response {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  const what = action === 'login' ? '登录尝试' : '找回密码请求'
  return refusal(429, `${what}过于频繁，请 ${minutes} 分钟后再试。`, { 'Retry-After': String(retryAfterSeconds) })
}

/** A copy of the request with another body (the original stream can be read only once). */
function withBody(request: Request, body: BodyInit): Request {
  // `duplex` is required by Node's fetch for a streamed body; the DOM RequestInit type does not know it.
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal, duplex: 'half' } as RequestInit)
}

/** The parsed object, or the 400 for text that is not a JSON object (Payload answered those with a 500). */
function parseJsonObject(text: string): Record<string, unknown> | Response {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    if (error instanceof SyntaxError) return refusal(400, '请求内容不是有效的 JSON，请检查后重试。')
    throw error
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return refusal(400, '请求内容必须是一个 JSON 对象，例如 {"title": "…"}。')
  return parsed as Record<string, unknown>
}

/**
 * Checks the `_payload` field of a multipart body small enough to hold in
 * memory. A body the fetch parser cannot read is left to Payload's own
 * parser (busboy), so a difference between the two never refuses a good save.
 */
async function checkFormFields(request: Request): Promise<Response | undefined> {
  let form: FormData
  try {
    form = await request.formData()
  } catch (error) {
    if (error instanceof TypeError) return undefined
    throw error
  }
  const fields = form.get('_payload')
  if (typeof fields !== 'string') return undefined
  const parsed = parseJsonObject(fields)
  return parsed instanceof Response ? parsed : undefined
}

interface CheckedBody {
  request: Request
  /** The parsed JSON body, when it was one. */
  json?: Record<string, unknown>
  /** Set once a streamed upload ran past its limit. */
  overflow?: { exceeded: boolean; refusal: () => Response }
}

/**
 * Bounds the body before Payload reads it: declared sizes are checked at
 * once, JSON is read into memory up to the JSON limit (and must be an
 * object), so is a multipart save of a collection without files (its
 * `_payload` too), and uploads stream through a counter set to their
 * collection's limit, since videos are too large to buffer.
 */
async function checkBody(request: Request, collection: string | undefined, settings: ApiGuardSettings): Promise<CheckedBody | Response> {
  if (BODYLESS_METHODS.has(request.method.toUpperCase()) || request.body === null) return { request }
  // Normalized as graphql-http does (no whitespace, lower case), so no spelling of the type slips past the checks.
  const contentType = (request.headers.get('content-type') ?? '').replace(/\s/g, '').toLowerCase().split(';', 1)[0] ?? ''
  const declared = declaredLength(request.headers)

  if (contentType.startsWith('multipart/')) {
    const fileLimit =
      collection !== undefined && Object.hasOwn(settings.uploadLimits, collection)
        ? settings.uploadLimits[collection as keyof ApiGuardSettings['uploadLimits']]
        : undefined
    // Admin saves of documents without files are multipart too (`_payload`), so they get the JSON limit.
    const limit = fileLimit === undefined ? settings.jsonLimitBytes + 64 * 1024 : fileLimit + settings.uploadFieldsAllowanceBytes
    const refuse = () => (fileLimit === undefined ? bodyTooLarge(settings.jsonLimitBytes) : uploadTooLarge(fileLimit))
    if (declared !== undefined && declared > limit) return refuse()
    if (fileLimit === undefined) {
      const bytes = await readLimitedBody(request.body, limit)
      if (bytes === 'too-large') return refuse()
      const problem = await checkFormFields(withBody(request, bytes))
      return problem ?? { request: withBody(request, bytes) }
    }
    const overflow = { exceeded: false, refusal: refuse }
    return {
      request: withBody(
        request,
        limitBodyStream(request.body, limit, () => {
          overflow.exceeded = true
        }),
      ),
      overflow,
    }
  }

  if (declared !== undefined && declared > settings.jsonLimitBytes) return bodyTooLarge(settings.jsonLimitBytes)
  const bytes = await readLimitedBody(request.body, settings.jsonLimitBytes)
  if (bytes === 'too-large') return bodyTooLarge(settings.jsonLimitBytes)
  if (contentType !== 'application/json' || bytes.byteLength === 0) return { request: withBody(request, bytes) }
  const parsed = parseJsonObject(new TextDecoder().decode(bytes))
  return parsed instanceof Response ? parsed : { request: withBody(request, bytes), json: parsed }
}

/** Which auth action a request performs, and how many times (GraphQL can alias one mutation many times). */
function authActions(
  method: string,
  segments: string[],
  json: Record<string, unknown> | undefined,
  settings: ApiGuardSettings,
): { action: AuthAction; count: number; rest: boolean }[] {
  if (method !== 'POST') return []
  const [first, endpoint] = segments
  if (first === 'graphql' && segments.length === 1) {
    const counts = graphqlAuthFields(json?.query, Object.values(settings.authCollections))
    return (['login', 'forgotPassword'] as const).filter((action) => counts[action] > 0).map((action) => ({ action, count: counts[action], rest: false }))
  }
  // Payload matches endpoint paths case-insensitively.
  if (first === undefined || !Object.hasOwn(settings.authCollections, first) || segments.length !== 2) return []
  const name = endpoint?.toLowerCase()
  if (name === 'login') return [{ action: 'login', count: 1, rest: true }]
  if (name === 'forgot-password') return [{ action: 'forgotPassword', count: 1, rest: true }]
  return []
}

/**
 * Builds the guard in front of Payload's REST and GraphQL routes: refuses
 * cross-site writes that ride on the session cookie (403), bodies over their
 * limit before they are read (413), JSON bodies that are not objects (400),
 * and too many logins or password resets from one client (429), and gives
 * every failed login the same answer.
 */
export function createApiRequestGuard(env: NodeJS.ProcessEnv = process.env): ApiRequestGuard {
  const settings = apiGuardSettings(env)
  const throttles: Record<AuthAction, LoginThrottle> = { login: new LoginThrottle(settings.login), forgotPassword: new LoginThrottle(settings.forgotPassword) }

  return (handler) => async (request, context) => {
    if (isCrossOriginCookieRequest(request, settings.allowedOrigins)) {
      return refusal(403, '这个请求来自其他网站，已拒绝。请在课程资源库后台里操作。')
    }
    const segments = apiSegments(request.url)
    const checked = await checkBody(request, segments[0], settings)
    if (checked instanceof Response) return checked

    const actions = authActions(request.method.toUpperCase(), segments, checked.json, settings)
    const client = actions.length > 0 ? clientAddress(request.headers) : ''
    for (const { action, count } of actions) {
      const decision = await throttles[action].take(client, count)
      if (!decision.allowed) return throttled(action, decision.retryAfterSeconds)
    }

    const response = await handler(checked.request, context)
    if (checked.overflow?.exceeded) {
      await response.body?.cancel()
      return checked.overflow.refusal()
    }
    const restLogin = actions.find((entry) => entry.rest && entry.action === 'login')
    if (restLogin && response.ok) await throttles.login.giveBack(client)
    if (restLogin && LOGIN_FAILURE_STATUSES.has(response.status)) {
      await response.body?.cancel()
      return refusal(401, LOGIN_FAILED_MESSAGE)
    }
    return response
  }
}

// Next.js bundles each route on its own, so the one guard (and its login counts) lives on the global object.
const GUARD_KEY = Symbol.for('gongyu.apiRequestGuard')
const processGlobal = globalThis as typeof globalThis & { [GUARD_KEY]?: ApiRequestGuard }

/** Guards a route handler with the process's one guard, whose login counts REST and GraphQL share. */
export function guardApiRequest<Context>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return (request, context) => {
    processGlobal[GUARD_KEY] ??= createApiRequestGuard()
    return processGlobal[GUARD_KEY](handler)(request, context)
  }
}
