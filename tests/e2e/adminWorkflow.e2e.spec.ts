import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.ts'
import { startCmsServer, type RunningCms } from '../helpers/cmsServer.ts'
import { cmsApi } from '../helpers/cmsApi.ts'

let cms: RunningCms
const { api, login } = cmsApi(() => cms.url)
let browser: Browser

beforeAll(async () => {
  // The first start of a run builds the admin for production (a few minutes); later starts reuse it.
  cms = await startCmsServer()
  browser = await launchChromium()
}, 960_000)
afterAll(async () => {
  await browser?.close()
  await cms?.stop()
})

describe('the admin, as npm start serves it', () => {
  it('opens in Simplified Chinese even for an English browser', async () => {
    const page = await browser.newPage({ locale: 'en-US' })
    await page.goto(`${cms.url}/admin/login`)
    await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 60_000 })
    expect(await page.getByLabel('密码').count()).toBe(1)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh')
    await page.close()
  }, 120_000)

  it('has the starter bank loaded: 20 published lessons for 三年级', async () => {
    // One page is enough: totalDocs counts them all (limit=0, "everything", is refused since issue 12).
    const { json } = await api('/lessons?where[grade][equals]=p3&limit=1')
    expect(json.totalDocs).toBe(20)
  })

  it('lets a reviewer publish, in the admin, a lesson an editor drafted', async () => {
    const adminToken = await login(cms.admin.email, cms.admin.password)
    for (const role of ['editor', 'reviewer']) {
      const created = await api('/users', { method: 'POST', token: adminToken, body: { email: `${role}@example.test`, password: `${role}-password-1`, role } })
      expect(created.status).toBe(201)
    }
    const editorToken = await login('editor@example.test', 'editor-password-1')
    const theme = (await api('/themes?limit=1')).json.docs[0]
    const draft = await api('/lessons?draft=true', {
      method: 'POST',
      token: editorToken,
      body: {
        title: '编辑起草：周末家庭会议',
        grade: 's3',
        sequence: 20,
        category: 'basic',
        audience: ['parents'],
        durationMinutes: 30,
        themes: [theme.id],
        summary: '一节由编辑起草、等待审核的课程。',
        objectives: [{ text: '学会开一次十分钟的家庭会议' }],
        reviewState: 'in-review',
      },
    })
    // s3 already has 20 lessons, so sequence 20 is taken: the CMS refuses it in Chinese.
    expect(draft.status).toBe(400)
    expect(JSON.stringify(draft.json)).toContain('同一年级的课序号不能重复')

    const existing = (await api('/lessons?where[grade][equals]=s3&where[sequence][equals]=20&limit=1')).json.docs[0]
    await api(`/lessons/${existing.id}?draft=true`, {
      method: 'PATCH',
      token: editorToken,
      body: { title: `${existing.title}（修订稿）`, reviewState: 'in-review' },
    })
    expect((await api(`/lessons/${existing.id}`)).json.title).toBe(existing.title)

    const page = await browser.newPage({ locale: 'zh-CN' })
    await page.goto(`${cms.url}/admin/login`)
    await page.getByLabel('电子邮件').fill('reviewer@example.test')
    await page.getByLabel('密码').fill('reviewer-password-1')
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\/admin(?!\/login)/, { timeout: 120_000 })
    await page.goto(`${cms.url}/admin/collections/lessons/${existing.id}`)
    await page.getByRole('button', { name: '发布修改' }).click({ timeout: 120_000 })
    await expect.poll(async () => (await api(`/lessons/${existing.id}`)).json.title, { timeout: 30_000 }).toBe(`${existing.title}（修订稿）`)
    // reviewState is for staff only (issue 12), so read it as the admin.
    expect((await api(`/lessons/${existing.id}`, { token: adminToken })).json.reviewState).toBe('approved')
    await page.close()
  }, 300_000)
})
