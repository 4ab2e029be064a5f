import { APIError, logError, type Payload } from 'payload'
import type { z } from 'zod'
import { cmsSettings } from '../env/settings'
import { clientAddress } from '../http/clientAddress'
import { LoginThrottle } from '../http/loginThrottle'
import { readLimitedBody } from '../http/readLimitedBody'
import { formatBytes } from '../video/videoLimits'
import { AnonymousWriteRefusal } from './anonymousWriteKind'
import { anonymousWriteKinds } from './anonymousWriteKinds'
import { anonymousAnswer } from './anonymousWriteResponse'
import { anonymousWriteSettings } from './anonymousWriteSettings'
import { type AnonymousBodyFormat, parseAnonymousBody } from './parseAnonymousBody'

const HAN = /[\u4e00-\u9fff]/

// One counter per Payload instance (tests start several in one process); it lives in memory only, so no address is ever stored.
const throttles = new WeakMap<Payload, LoginThrottle>()

function throttleOf(payload: Payload): LoginThrottle {
  let throttle = throttles.get(payload)
  if (!throttle) {
    const settings = anonymousWriteSettings()
    throttle = new LoginThrottle({ attempts: settings.perClient, windowSeconds: settings.windowSeconds, allClientsAttempts: settings.allClients })
    throttles.set(payload, throttle)
  }
  return throttle
}

/** The first problem, in Chinese: the kind's schema words its own messages; unknown fields get one here. */
function problemOf(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return '提交的内容不对，请重新打开页面再试。'
  if (issue.code === 'unrecognized_keys') return `提交里有不认识的字段：${issue.keys.map((key) => key.slice(0, 20)).join('、')}。请重新打开页面再提交。`
  if (HAN.test(issue.message)) return issue.message
  return `「${issue.path.join('.') || '提交内容'}」填写得不对，请检查后重试。`
}

/** A form posted without JavaScript gets a page; a script asking for JSON (`Accept`) or sending JSON gets JSON. */
function wantsHtml(request: Request, format: AnonymousBodyFormat | undefined): boolean {
  if (format === 'json') return false
  const accept = request.headers.get('accept') ?? ''
  if (accept.includes('application/json')) return false
  return format === 'form' || accept.includes('text/html')
}

/** A fault the visitor cannot fix: a public Payload error (the database busy, 503) keeps its status and words, anything else is a 500. */
function faultOf(error: unknown): { status: number; message: string } {
  if (error instanceof APIError && error.isPublic && error.status >= 500) return { status: error.status, message: error.message }
  return { status: 500, message: '服务器出了问题，这次提交没有保存。请稍后再提交。' }
}

/**
 * `POST /api/anonymous/:kind`: the one place anonymous visitors write to
 * Gongyu (survey answers, needs signals; docs/surveys.md), served by its own
 * Next.js route (`app/(payload)/api/anonymous/[kind]/route.ts`) behind the
 * API request guard. In order: the kind must exist (404), the client may not
 * be over its limit (429, counted in memory by address and never stored),
 * the body must fit the kind's limit (413), parse (400/415) and pass the
 * kind's strict schema (400), and only then is it stored, as one database
 * create: the answer is acknowledged after that create has committed, so a
 * restart mid-request either keeps an answer it acknowledged or never
 * acknowledged it. No cookie, session or header other than the address (for
 * the count) is read.
 */
export async function anonymousWrite(payload: Payload, request: Request, kindName: string): Promise<Response> {
  const siteUrl = cmsSettings().siteUrl
  const contentType = request.headers.get('content-type') ?? ''
  const formPost = contentType.toLowerCase().includes('application/x-www-form-urlencoded') ? 'form' : undefined
  const answer = (status: number, message: string, format: AnonymousBodyFormat | undefined, headers?: Record<string, string>) =>
    anonymousAnswer({ status, message, headers, siteUrl }, wantsHtml(request, format))

  const kind = anonymousWriteKinds.find((candidate) => candidate.kind === kindName)
  if (!kind) return answer(404, '没有这种提交。请从共育网站的页面提交。', formPost)

  let format: AnonymousBodyFormat | undefined = formPost
  try {
    const decision = await throttleOf(payload).take(clientAddress(request.headers))
    if (!decision.allowed) {
      const minutes = Math.max(1, Math.ceil(decision.retryAfterSeconds / 60))
      return answer(429, `同一网络提交得太频繁了，请 ${minutes} 分钟后再提交。`, format, { 'Retry-After': String(decision.retryAfterSeconds) })
    }

    const tooLarge = () => answer(413, `提交的内容太长了（上限 ${formatBytes(kind.maxBodyBytes)}），请删减文字后再提交。`, format)
    const declared = Number(request.headers.get('content-length') ?? '')
    if (Number.isFinite(declared) && declared > kind.maxBodyBytes) return tooLarge()
    if (!request.body) return answer(400, '没有收到提交的内容，请重新填写后提交。', format)
    const bytes = await readLimitedBody(request.body, kind.maxBodyBytes)
    if (bytes === 'too-large') return tooLarge()

    const body = parseAnonymousBody(contentType, bytes)
    if ('problem' in body) return answer(body.status, body.problem, format)
    format = body.format
    const parsed = kind.schema.safeParse(body.fields)
    if (!parsed.success) return answer(400, problemOf(parsed.error), format)

    const result = await kind.store(payload, parsed.data)
    return answer(201, result.message, format)
  } catch (error) {
    if (error instanceof AnonymousWriteRefusal) return answer(error.status, error.message, format)
    // Logged as Payload logs a failed request; the visitor reads only that nothing was saved (the phone's outbox sends it again later).
    logError({ err: error, payload })
    const fault = faultOf(error)
    return answer(fault.status, fault.message, format)
  }
}
