import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { type ApiJson, startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

type Id = string | number

let t: TestPayload
let courseList: Id
let surveyCounter = 0

const HAN = /[\u4e00-\u9fff]/
const ENDPOINT = 'http://localhost:3000/api/anonymous/survey-answer'

/** A course list of organization A whose second item is held as a session. */
async function courseListWithSession(payload = t.payload): Promise<Id> {
  const theme = (await payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })).id
  const lesson = (await payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), _status: 'published' } as never })).id
  const items = [
    { resource: { relationTo: 'lessons', value: lesson } },
    { resource: { relationTo: 'lessons', value: lesson }, session: { startsAt: '2026-12-05T06:00:00.000Z', place: '学校礼堂', runBy: '班主任', hours: 1 } },
  ]
  const list = await payload.create({
    collection: 'course-lists',
    data: { title: '家长学校秋季课程', organization: t.organizations.a, items, _status: 'published' } as never,
  })
  return list.id
}

/** A published survey about the session, created by org-admin A as the admin would. */
async function publishedSurvey(extra: Record<string, unknown> = {}): Promise<{ id: Id; slug: string }> {
  surveyCounter += 1
  const { status, json } = await t.rest('POST', '/surveys', {
    as: 'orgAdminA',
    body: { title: `家长会满意度调查 ${surveyCounter}`, target: 'session', courseList, sessionNumber: 2, _status: 'published', ...extra },
  })
  expect(status, JSON.stringify(json)).toBe(201)
  return { id: json.doc.id, slug: json.doc.slug }
}

/** Posts an answer as a browser would: a urlencoded form (no JavaScript) or JSON, from one client address. */
async function answer(fields: Record<string, string>, options: { as?: 'form' | 'json' | 'script'; client?: string } = {}) {
  const as = options.as ?? 'json'
  const headers: Record<string, string> = { 'x-forwarded-for': options.client ?? '203.0.113.10', origin: 'https://gongyu.example.cn' }
  if (as === 'json') headers['content-type'] = 'application/json'
  else headers['content-type'] = 'application/x-www-form-urlencoded'
  if (as === 'script') headers.accept = 'application/json'
  if (as === 'form') headers.accept = 'text/html,application/xhtml+xml'
  const body = as === 'json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString()
  const response = await t.send(new Request(ENDPOINT, { method: 'POST', headers, body }))
  const text = await response.text()
  const json: ApiJson = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined
  return { status: response.status, headers: response.headers, text, json, message: json?.message ?? json?.errors?.[0]?.message ?? '' }
}

const scores = (value: number) => ({ q1: String(value), q2: String(value), q3: String(value), q4: String(value), q5: String(value) })

async function answersOf(survey: Id) {
  return (await t.payload.find({ collection: 'survey-answers', where: { survey: { equals: survey } }, limit: 0, pagination: false, overrideAccess: true })).docs
}

beforeAll(async () => {
  t = await startTestPayload()
  courseList = await courseListWithSession()
}, 120_000)

afterAll(async () => {
  await t?.close()
})

describe('answering a survey anonymously', () => {
  it('stores a form post without JavaScript and answers with a Chinese page, keeping no address or time', async () => {
    const survey = await publishedSurvey()
    const result = await answer({ survey: survey.slug, ...scores(4), comment: '讲得很实在，希望下次多讲讲手机管理。' }, { as: 'form' })
    expect(result.status).toBe(201)
    expect(result.headers.get('content-type')).toContain('text/html')
    expect(result.text).toContain('谢谢！您的回答已经收到。')
    const stored = await answersOf(survey.id)
    expect(stored).toHaveLength(1)
    // Without a code there is no code hash: SQLite reads the empty column as null, MongoDB leaves the field out.
    const fields = Object.keys(stored[0] as object).filter((name) => name !== 'codeKey')
    expect(fields.sort()).toEqual(['answeredWeek', 'comment', 'id', 'q1', 'q2', 'q3', 'q4', 'q5', 'survey'].sort())
    expect(stored[0]?.codeKey ?? null).toBeNull()
    expect(JSON.stringify(stored[0])).not.toContain('203.0.113.10')
    expect(stored[0]?.answeredWeek).toMatch(/^\d{4}-W\d{2}$/)
    // A random id: neither the time (a MongoDB ObjectId's) nor the order (a row number) of an answer can be read from it.
    expect(String(stored[0]?.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('answers a script with JSON and lets any origin read it, since no cookie is used', async () => {
    const survey = await publishedSurvey()
    const result = await answer({ survey: survey.slug, ...scores(5) }, { as: 'script' })
    expect(result.status).toBe(201)
    expect(result.json.message).toMatch(HAN)
    expect(result.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('removes phone and ID numbers from the free text before storing, and says so', async () => {
    const survey = await publishedSurvey()
    const result = await answer({ survey: survey.slug, ...scores(3), comment: '有事请联系我 139 1234 5678，孩子身份证 110105201503121234。' })
    expect(result.status).toBe(201)
    expect(result.message).toContain('手机号、身份证号等个人信息在保存前已经删除')
    const [stored] = await answersOf(survey.id)
    expect(stored?.comment).toBe('有事请联系我 ［已删除］，孩子身份证 ［已删除］。')
  })
})

describe('bad input gets a clear Chinese message and stores nothing', () => {
  async function expectRefused(fields: Record<string, string>, status: number, pattern: RegExp, survey: Id) {
    const before = (await answersOf(survey)).length
    const result = await answer(fields)
    expect(result.status, result.message).toBe(status)
    expect(result.message).toMatch(pattern)
    expect(result.message).toMatch(HAN)
    expect(await answersOf(survey)).toHaveLength(before)
  }

  it('an answer out of range, or missing', async () => {
    const survey = await publishedSurvey()
    await expectRefused({ survey: survey.slug, ...scores(4), q3: '6' }, 400, /第 3 题的分数要在 1 到 5 之间/, survey.id)
    await expectRefused({ survey: survey.slug, ...scores(4), q2: '0' }, 400, /第 2 题/, survey.id)
    await expectRefused({ survey: survey.slug, ...scores(4), q5: '' }, 400, /第 5 题还没有选分数/, survey.id)
    await expectRefused({ survey: survey.slug, ...scores(4), q1: '2.5' }, 400, /第 1 题/, survey.id)
  })

  it('an unknown field, or a survey that is not published', async () => {
    const survey = await publishedSurvey()
    await expectRefused({ survey: survey.slug, ...scores(4), phone: '13912345678' }, 400, /不认识的字段：phone/, survey.id)
    const draft = await publishedSurvey({ _status: 'draft' })
    await expectRefused({ survey: draft.slug, ...scores(4) }, 404, /找不到这份问卷/, draft.id)
  })

  it('a 100 KB free text is refused with 413 before it is read', async () => {
    const survey = await publishedSurvey()
    await expectRefused({ survey: survey.slug, ...scores(4), comment: '好'.repeat(34_000) }, 413, /提交的内容太长了/, survey.id)
  })

  it('the API request guard runs first: a cross-site post carrying a CMS session cookie is refused', async () => {
    const survey = await publishedSurvey()
    const response = await t.send(
      new Request(ENDPOINT, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example', cookie: 'payload-token=stolen', 'x-forwarded-for': '203.0.113.11' },
        body: JSON.stringify({ survey: survey.slug, ...scores(4) }),
      }),
    )
    expect(response.status).toBe(403)
    expect((await response.json()).errors[0].message).toMatch(HAN)
    expect(await answersOf(survey.id)).toHaveLength(0)
  })

  it('a comment over 500 characters is refused', async () => {
    const survey = await publishedSurvey()
    await expectRefused({ survey: survey.slug, ...scores(4), comment: '好'.repeat(501) }, 400, /最多 500 字/, survey.id)
  })

  it('an unknown kind is a 404', async () => {
    const response = await t.send(
      new Request('http://localhost:3000/api/anonymous/no-such-kind', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
    )
    expect(response.status).toBe(404)
    expect((await response.json()).errors[0].message).toMatch(HAN)
  })

  it('a flood from one address gets 429 with Retry-After, while another address still gets through', async () => {
    const survey = await publishedSurvey()
    const flooder = '198.51.100.77'
    let refused: Awaited<ReturnType<typeof answer>> | undefined
    // Invalid bodies: the limit is taken before anything is read or stored, so a flood costs the database nothing.
    for (let attempt = 0; attempt < 700 && !refused; attempt += 1) {
      const result = await answer({ survey: survey.slug, q1: '9' }, { client: flooder })
      if (result.status === 429) refused = result
    }
    expect(refused?.status).toBe(429)
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused?.message).toMatch(/提交得太频繁了/)
    expect((await answer({ survey: survey.slug, ...scores(4) }, { client: '198.51.100.78' })).status).toBe(201)
  })
})

describe('printed one-time codes', () => {
  it('accepts each printed code once, refuses it a second time with 409, and refuses an unknown code', async () => {
    const survey = await publishedSurvey({ requiresCode: true, codeCount: 3 })
    const codes = (await t.payload.find({ collection: 'survey-codes', where: { survey: { equals: survey.id } }, overrideAccess: true })).docs
    expect(codes).toHaveLength(3)
    const code = codes[0]?.code as string
    expect((await answer({ survey: survey.slug, ...scores(4) })).message).toMatch(/一次性码/)
    // Typed in lower case without the dash, as a parent might.
    expect((await answer({ survey: survey.slug, ...scores(4), code: code.toLowerCase().replace('-', '') })).status).toBe(201)
    const again = await answer({ survey: survey.slug, ...scores(2), code })
    expect(again.status).toBe(409)
    expect(again.message).toMatch(/已经用过了/)
    const unknown = await answer({ survey: survey.slug, ...scores(2), code: 'XXXX-XXXX' })
    expect(unknown.status).toBe(400)
    expect(unknown.message).toMatch(/不是这份问卷的码/)
    const stored = await answersOf(survey.id)
    expect(stored).toHaveLength(1)
    // The answer keeps only a keyed hash of its code, and nobody reads even that through the API.
    expect(JSON.stringify(stored)).not.toContain(code)
  })

  it('two answers with one code sent at the same moment: exactly one is stored', async () => {
    const survey = await publishedSurvey({ requiresCode: true, codeCount: 1 })
    const [code] = (await t.payload.find({ collection: 'survey-codes', where: { survey: { equals: survey.id } }, overrideAccess: true })).docs
    const results = await Promise.all(Array.from({ length: 4 }, () => answer({ survey: survey.slug, ...scores(5), code: code?.code as string })))
    expect(results.map((result) => result.status).sort()).toEqual([201, 409, 409, 409])
    expect(await answersOf(survey.id)).toHaveLength(1)
  })
})

describe('the report for org-admins', () => {
  async function report(id: Id, as: 'orgAdminA' | 'orgAdminB' | 'admin', suffix = '') {
    const response = await t.send(
      new Request(`http://localhost:3000/api/surveys/${id}/report${suffix}`, { headers: { authorization: `JWT ${t.users[as].token}` } }),
    )
    const bytes = new Uint8Array(await response.arrayBuffer())
    return { status: response.status, headers: response.headers, bytes, text: new TextDecoder().decode(bytes) }
  }

  it('hides a survey with 9 answers, shows it at 10, and exports CSV with a byte-order mark', async () => {
    const survey = await publishedSurvey()
    for (let index = 0; index < 9; index += 1) expect((await answer({ survey: survey.slug, ...scores(4), comment: `第${index}条意见` })).status).toBe(201)
    const hidden = await report(survey.id, 'orgAdminA')
    expect(hidden.status).toBe(200)
    expect(hidden.text).toContain('少于 10 份，不显示')
    expect(hidden.text).not.toContain('第0条意见')

    expect((await answer({ survey: survey.slug, ...scores(2) })).status).toBe(201)
    const shown = await report(survey.id, 'orgAdminA')
    expect(shown.text).toContain('<td>10</td>')
    expect(shown.text).toContain('3.80')
    expect(shown.text).toContain('第0条意见')

    const csv = await report(survey.id, 'orgAdminA', '.csv')
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.text).toContain('全部,10,3.80,3.80,3.80,3.80,3.80')
  })

  it('is only for the survey’s own organization', async () => {
    const survey = await publishedSurvey()
    expect((await report(survey.id, 'orgAdminB')).status).toBe(404)
    expect((await report(survey.id, 'admin')).status).toBe(200)
    const anonymous = await t.send(new Request(`http://localhost:3000/api/surveys/${survey.id}/report.csv`))
    expect(anonymous.status).toBe(401)
  })
})

describe('the public export', () => {
  it('carries published surveys with their questions, never answers or drafts', async () => {
    const published = await publishedSurvey()
    const draft = await publishedSurvey({ _status: 'draft' })
    const { readPublishedContent } = await import('../../cms/src/publishing/readPublishedRecords.ts')
    const content = await readPublishedContent(t.payload)
    const surveys = content.surveys ?? []
    const exported = surveys.find((survey) => survey.slug === published.slug)
    expect(exported?.about).toBe('家长学校秋季课程 · 第 2 课')
    expect(exported?.questions).toHaveLength(5)
    expect(surveys.some((survey) => survey.slug === draft.slug)).toBe(false)
  })

  it('refuses a survey about a course-list item that is not a session', async () => {
    const { status, json } = await t.rest('POST', '/surveys', {
      as: 'orgAdminA',
      body: { title: '不是活动的调查', target: 'session', courseList, sessionNumber: 1 },
    })
    expect(status).toBe(400)
    expect(JSON.stringify(json)).toContain('没有填线下活动的时间')
  })
})

describe('nothing acknowledged is lost when the CMS restarts mid-request', () => {
  it('counts every acknowledged answer after the CMS is stopped while answers are in flight', async () => {
    const survey = await publishedSurvey()
    const sent = 40
    const inFlight = Array.from({ length: sent }, (_, index) =>
      answer({ survey: survey.slug, ...scores((index % 5) + 1) }, { client: `192.0.2.${index}` }).then(
        (result) => result.status,
        () => 0,
      ),
    )
    // Stop the database connection while the answers are on their way, as a restart would.
    await new Promise((resolve) => setTimeout(resolve, 15))
    const dataDir = t.dataDir
    await t.payload.db.destroy?.()
    const statuses = await Promise.all(inFlight)
    const acknowledged = statuses.filter((status) => status === 201).length

    // A new Payload on the same database (the SQLite file, or the same MongoDB database), as after a restart.
    const { buildGongyuConfig } = await import('@gongyu/cms/config-builder')
    const { testDatabaseAdapter } = await import('../helpers/testDatabase.ts')
    const { getPayload } = await import('payload')
    const restarted = await getPayload({ config: await buildGongyuConfig({ db: await testDatabaseAdapter(dataDir) }), key: `${dataDir}-restarted` })
    try {
      const counted = await restarted.count({ collection: 'survey-answers', where: { survey: { equals: survey.id } }, overrideAccess: true })
      expect(counted.totalDocs).toBeGreaterThanOrEqual(acknowledged)
      expect(counted.totalDocs).toBeLessThanOrEqual(sent)
      // The restarted CMS takes answers again.
      const { surveyAnswerKind } = await import('../../cms/src/collections/SurveyAnswers/surveyAnswerKind.ts')
      const result = await surveyAnswerKind.store(restarted, { survey: survey.slug, q1: 5, q2: 5, q3: 5, q4: 5, q5: 5 })
      expect(result.message).toContain('谢谢')
    } finally {
      await restarted.destroy()
    }
  })
})
