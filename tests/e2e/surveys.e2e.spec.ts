import type { Browser, BrowserContext, Page, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bankSubset } from '../fixtures/bankSubset.ts'
import { launchChromium } from '../helpers/browser.ts'
import { buildTestSite, type BuiltTestSite } from '../helpers/siteBuild.ts'
import { createSessionSurvey } from '../helpers/surveyFixtures.ts'
import { startSeededTestPayload } from '../helpers/seededBank.ts'
import type { TestPayload } from '../helpers/testPayload.ts'

// Issue 17, 满意度调查 on a 360 px phone. The site is built from the seeded bank with one published survey; its form
// posts to the CMS origin, which the browser reaches through a route into a real Payload in this process (the CMS's
// own request guard and anonymous endpoint, a SQLite database): what the report counts is what the browser sent.
const CMS = 'http://cms.gongyu.test'
const SLUG = 'e2e-parent-meeting-survey'
const PHONE = { width: 360, height: 740 }

let site: BuiltTestSite
let cms: TestPayload
let survey: string | number
let browser: Browser

/** Hands the browser's request to the CMS's own handler and its answer back to the browser. */
async function toCms(route: Route, extraHeaders: Record<string, string> = {}): Promise<void> {
  const request = route.request()
  const headers = { ...(await request.allHeaders()), ...extraHeaders, 'x-forwarded-for': '198.51.100.20' }
  const body = request.method() === 'GET' || request.method() === 'HEAD' ? undefined : new Uint8Array(request.postDataBuffer() ?? [])
  const response = await cms.send(new Request(request.url().replace(CMS, 'http://localhost:3000'), { method: request.method(), headers, body }))
  await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) })
}

async function phone(options: { javaScriptEnabled: boolean }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: options.javaScriptEnabled })
  await context.route(`${CMS}/**`, (route) => toCms(route))
  return { context, page: await context.newPage() }
}

async function fillScores(page: Page, scores: number[]): Promise<void> {
  for (const [index, score] of scores.entries()) await page.locator(`input[name="q${index + 1}"][value="${score}"]`).check()
}

async function answerCount(): Promise<number> {
  return (await cms.payload.count({ collection: 'survey-answers', where: { survey: { equals: survey } }, overrideAccess: true })).totalDocs
}

async function reportText(): Promise<string> {
  const context = await browser.newContext({ viewport: PHONE })
  await context.route(`${CMS}/**`, (route) => toCms(route, { authorization: `JWT ${cms.users.orgAdminA.token}` }))
  const page = await context.newPage()
  const response = await page.goto(`${CMS}/api/surveys/${survey}/report`)
  expect(response?.status()).toBe(200)
  const text = (await page.locator('table').textContent()) ?? ''
  await context.close()
  return text
}

beforeAll(async () => {
  // The CMS answering the browser: a copy of the same seeded slice the site is built from.
  cms = await startSeededTestPayload({ name: 'grades-k1', select: (content) => bankSubset(content, ['k1']) })
  const lesson = (await cms.payload.find({ collection: 'lessons', limit: 1, depth: 0, where: { _status: { equals: 'published' } } })).docs[0]?.id
  if (lesson === undefined) throw new Error('the seeded bank has no published lesson')
  survey = (await createSessionSurvey(cms.payload, { slug: SLUG, lesson, organization: cms.organizations.a })).survey
  // Eight parents answered before the browser's two: the report shows figures only from the tenth.
  for (let index = 0; index < 8; index += 1) {
    const body = new URLSearchParams({ survey: SLUG, q1: '4', q2: '4', q3: '4', q4: '4', q5: '4' })
    const response = await cms.send(
      new Request('http://localhost:3000/api/anonymous/survey-answer', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-forwarded-for': `192.0.2.${index}` },
        body,
      }),
    )
    expect(response.status).toBe(201)
  }
  site = await buildTestSite({
    grades: ['k1'],
    env: { GONGYU_CMS_URL: CMS },
    beforeExport: async (payload) => {
      const lesson = (await payload.find({ collection: 'lessons', limit: 1, depth: 0, where: { _status: { equals: 'published' } } })).docs[0]?.id
      if (lesson === undefined) throw new Error('the seeded bank has no published lesson')
      await createSessionSurvey(payload, { slug: SLUG, lesson })
    },
  })
  browser = await launchChromium()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await cms?.close()
  await site?.stop()
})

describe('a satisfaction survey on a 360 px phone', () => {
  it('is answered online without JavaScript: a plain form post, a Chinese thank-you page, one answer stored', async () => {
    const { context, page } = await phone({ javaScriptEnabled: false })
    const response = await page.goto(`${site.url}/surveys/${SLUG}/`)
    expect(response?.status()).toBe(200)
    expect(await page.locator('h1').textContent()).toBe('家长会满意度调查')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    await fillScores(page, [5, 4, 4, 5, 3])
    await page.locator('textarea[name="comment"]').fill('周六上午的时间很合适。我的电话 13912345678。')
    await Promise.all([page.waitForURL(`${CMS}/api/anonymous/survey-answer`), page.getByRole('button', { name: '提交回答' }).click()])
    expect(await page.locator('h1').textContent()).toBe('提交成功')
    expect(await page.locator('body').textContent()).toContain('手机号、身份证号等个人信息在保存前已经删除')
    expect(await answerCount()).toBe(9)
    const stored = await cms.payload.find({ collection: 'survey-answers', where: { survey: { equals: survey }, q1: { equals: 5 } }, overrideAccess: true })
    expect(stored.docs[0]?.comment).toBe('周六上午的时间很合适。我的电话 ［已删除］。')
    await context.close()
  })

  it('keeps nine answers out of the report', async () => {
    expect(await reportText()).toContain('少于 10 份，不显示')
  })

  it('keeps an answer given offline on the phone and sends it when the phone is online again', async () => {
    const { context, page } = await phone({ javaScriptEnabled: true })
    await page.goto(`${site.url}/surveys/${SLUG}/`)
    await context.setOffline(true)
    await fillScores(page, [2, 2, 2, 2, 2])
    await page.getByRole('button', { name: '提交回答' }).click()
    const status = page.locator('.survey-status')
    await expect.poll(() => status.textContent()).toContain('您的回答已经保存在这部手机上')
    expect(await page.evaluate(() => localStorage.getItem('gongyu:survey-outbox'))).toContain(SLUG)
    expect(await answerCount()).toBe(9)

    await context.setOffline(false)
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('谢谢！您的回答已经收到。')
    expect(await answerCount()).toBe(10)
    expect(await page.evaluate(() => localStorage.getItem('gongyu:survey-outbox'))).toBeNull()

    // The flag in this browser discourages a second answer.
    await page.reload()
    await expect.poll(() => status.textContent()).toContain('这部手机已经提交过这份问卷')
    expect(await page.locator('form.survey-form').isHidden()).toBe(true)
    await context.close()
  })

  it('shows the figures once ten answers are in', async () => {
    const text = await reportText()
    expect(text).not.toContain('少于 10 份，不显示')
    // 8 × 4 + 5 + 2 over ten answers for the first question.
    expect(text).toContain(((8 * 4 + 5 + 2) / 10).toFixed(2))
  })
})
