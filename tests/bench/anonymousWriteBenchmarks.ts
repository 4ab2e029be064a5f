import { execFile, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startCmsServer } from '../helpers/cmsServer.ts'

const run = promisify(execFile)
const postSurveyAnswers = fileURLToPath(new URL('./wrk/postSurveyAnswers.lua', import.meta.url))

/** The load the issue asks for: 20 s on loopback; 4 connections, as the other load sections use. */
const CONNECTIONS = 4
const SECONDS = 20
const SURVEY_SLUG = 'bench-parent-meeting-survey'

interface WrkFigures {
  requests: number
  accepted: number
  refused: number
  durationUs: number
  errors: Record<'connect' | 'read' | 'write' | 'status' | 'timeout', number>
  p50Us: number
  p90Us: number
  p99Us: number
  maxUs: number
}

async function json(url: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** Signs in as the first admin and publishes a survey about a published event of the starter bank. */
async function publishSurvey(base: string, admin: { email: string; password: string }): Promise<{ id: string | number; token: string }> {
  const login = await json(`${base}/api/users/login`, { method: 'POST', body: JSON.stringify(admin) })
  const token = login.body.token as string
  if (!token) throw new Error(`the admin could not sign in: ${login.status}`)
  const headers = { authorization: `JWT ${token}` }
  const first = async (collection: string) => {
    const { body } = await json(`${base}/api/${collection}?limit=1&depth=0&where[_status][equals]=published`, { headers })
    const doc = (body.docs as { id: string | number }[] | undefined)?.[0]
    if (!doc) throw new Error(`the starter bank has no published ${collection}`)
    return doc.id
  }
  const organization = ((await json(`${base}/api/organizations?limit=1&depth=0`, { headers })).body.docs as { id: string | number }[])[0]?.id
  const created = await json(`${base}/api/surveys`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title: '压力测试问卷', slug: SURVEY_SLUG, organization, target: 'event', event: await first('events'), _status: 'published' }),
  })
  const id = (created.body.doc as { id?: string | number } | undefined)?.id
  if (created.status !== 201 || id === undefined) throw new Error(`the survey was not created: ${created.status} ${JSON.stringify(created.body).slice(0, 500)}`)
  return { id, token }
}

/** The answers the report counts (its CSV's 全部 row), read after the run. */
async function countedAnswers(base: string, survey: string | number, token: string): Promise<number> {
  const response = await fetch(`${base}/api/surveys/${survey}/report.csv`, { headers: { authorization: `JWT ${token}` } })
  const total = (await response.text()).split(/\r?\n/).find((line) => line.replace(/^\uFEFF/, '').startsWith('全部,'))
  return Number(total?.split(',')[1] ?? Number.NaN)
}

/**
 * Anonymous survey answers on the production CMS (`npm start`, SQLite,
 * starter bank): wrk posts the site's urlencoded form to
 * `/api/anonymous/survey-answer` for 20 s on loopback, each request as if
 * from another phone behind a trusted proxy (X-Forwarded-For), since one
 * bench client would otherwise be one address and hit the per-client limit
 * (docs/surveys.md). Afterwards the report must count every 201.
 */
export async function anonymousWriteBenchmarks(): Promise<Record<string, unknown>> {
  const wrk = spawnSync('wrk', ['--version'], { encoding: 'utf8' })
  if (wrk.error) return { skipped: `wrk unavailable (Debian: apt-get install wrk): ${wrk.error.message}` }
  const cms = await startCmsServer({ env: { GONGYU_TRUST_PROXY: '1' } })
  try {
    const base = cms.url.replace('localhost', '127.0.0.1')
    const { id, token } = await publishSurvey(base, cms.admin)
    // Warm the route (compiled handler, first database write) before measuring; this answer is counted too.
    const warm = await fetch(`${base}/api/anonymous/survey-answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-forwarded-for': '192.0.2.1' },
      body: `survey=${SURVEY_SLUG}&q1=4&q2=4&q3=4&q4=4&q5=4`,
    })
    if (warm.status !== 201) throw new Error(`the warm-up answer got ${warm.status}: ${await warm.text()}`)
    const { stdout } = await run(
      'wrk',
      ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--timeout', '10s', '-s', postSurveyAnswers, base, '--', '/api/anonymous/survey-answer', SURVEY_SLUG],
      { timeout: (SECONDS + 30) * 1000, maxBuffer: 1 << 20 },
    )
    const line = stdout.split('\n').find((text) => text.startsWith('WRK_JSON '))
    if (!line) throw new Error(`wrk printed no figures:\n${stdout}`)
    const figures = JSON.parse(line.slice('WRK_JSON '.length)) as WrkFigures
    const seconds = figures.durationUs / 1e6
    const counted = await countedAnswers(base, id, token)
    return {
      server: 'npm start (production build), SQLite, starter bank',
      connections: CONNECTIONS,
      seconds: Math.round(seconds * 10) / 10,
      requests: figures.requests,
      accepted: figures.accepted,
      refused: figures.refused,
      submissionsPerSecond: Math.round(figures.accepted / seconds),
      p50Ms: figures.p50Us / 1000,
      p90Ms: figures.p90Us / 1000,
      p99Ms: figures.p99Us / 1000,
      maxMs: figures.maxUs / 1000,
      errors: Object.values(figures.errors).reduce((sum, count) => sum + count, 0) + figures.refused,
      errorKinds: figures.errors,
      countedAfterwards: counted,
      // wrk stops counting at 20 s with up to one request per connection still on its way; the server may finish those.
      inFlightAtEnd: counted - figures.accepted - 1,
      everyAcceptedAnswerCounted: counted >= figures.accepted + 1 && counted <= figures.accepted + 1 + CONNECTIONS,
      targets: { submissionsPerSecond: 200, errors: 0 },
    }
  } finally {
    await cms.stop()
  }
}
