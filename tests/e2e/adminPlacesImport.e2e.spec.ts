import iconv from 'iconv-lite'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.ts'
import { startCmsServer, type RunningCms } from '../helpers/cmsServer.ts'
import { cmsApi } from '../helpers/cmsApi.ts'

// Issue 17, places (服务地图): the CSV import panel above the places list, driven in the admin at a desktop size as
// an editor uses it. A file with bad rows is refused whole, each bad row named by its line in Chinese; a file that
// Excel or WPS on Chinese Windows saved in GBK is read as such and every row becomes a draft sent for review.
const HEADER = '名称,类型,县区,乡镇街道,地址,开放时间,服务内容,电话,纬度,经度,坐标系,核实日期'
const GOOD_ROWS = [
  '乔庄镇家庭教育指导中心,家庭教育指导中心,青川县,乔庄镇,乔庄镇滨河路 8 号,周一至周五 8:30-17:30,家长咨询、亲子活动,0839-7202345,32.5861,105.2385,GCJ-02,2026-11-20',
  '木鱼镇家长服务站,服务站,青川县,木鱼镇,木鱼镇中心小学旁,周六 9:00-12:00,家长课堂,12355,32.4652,105.3021,,2026/11/18',
]
const BAD_FILE = [
  HEADER,
  '竹园镇家长服务站,服务站,青川县,竹园镇,竹园镇政府一楼,,家长咨询,,32.3102,105.4411,GCJ-02,2026-11-20',
  '沙州镇实践基地,实践基地,青川县,沙州镇,沙州村,,亲子劳动,,北纬32度,105.1021,GCJ-02,2026-11-20',
  '房石镇家长服务站,服务站,,房石镇,房石村村委会,,家长咨询,,32.4001,105.3302,GCJ-02,2026-11-20',
].join('\r\n')
const ALL_NAMES = ['竹园镇家长服务站', '沙州镇实践基地', '房石镇家长服务站', '乔庄镇家庭教育指导中心', '木鱼镇家长服务站']

let cms: RunningCms
const { api, login } = cmsApi(() => cms.url)
let browser: Browser
let editor: Page
let editorToken = ''

/** Every place, drafts included, with one of the test's names: what an editor would find in the list. */
async function placesNamed(names: readonly string[]) {
  const query = names.map((name, index) => `where[name][in][${index}]=${encodeURIComponent(name)}`).join('&')
  const { status, json } = await api(`/places?draft=true&limit=50&${query}`, { token: editorToken })
  expect(status).toBe(200)
  return json.docs as { name: string; kind: string; county: string; phone: string | null; reviewState: string; _status: string }[]
}

async function choose(file: { name: string; buffer: Buffer }): Promise<void> {
  await editor.locator('.gongyu-places-import input[type="file"]').setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: file.buffer })
}

beforeAll(async () => {
  // The first start for new code builds the admin for production (minutes); later starts reuse it.
  cms = await startCmsServer()
  browser = await launchChromium()
  const adminToken = await login(cms.admin.email, cms.admin.password)
  const created = await api('/users', {
    method: 'POST',
    token: adminToken,
    body: { email: 'editor@example.test', password: 'editor-password-1', role: 'editor', name: '王老师' },
  })
  expect(created.status).toBe(201)
  editorToken = await login('editor@example.test', 'editor-password-1')
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } })
  await context.addCookies([{ name: 'payload-token', value: editorToken, url: cms.url }])
  editor = await context.newPage()
}, 960_000)
afterAll(async () => {
  await browser?.close()
  await cms?.stop()
})

describe('批量导入 of places in the admin (issue 17)', () => {
  it('refuses a file with a bad coordinate and a missing county, naming each bad line, and imports none of it', async () => {
    await editor.goto(`${cms.url}/admin/collections/places`)
    const panel = editor.locator('.gongyu-places-import')
    await panel.getByRole('heading', { name: '从表格批量导入' }).waitFor({ timeout: 120_000 })
    expect(await panel.innerText()).toContain('UTF-8 或 GBK 都可以')

    await choose({ name: '青川县服务地点.csv', buffer: Buffer.from(BAD_FILE, 'utf8') })
    const alert = panel.getByRole('alert')
    await alert.waitFor({ timeout: 60_000 })
    expect(await alert.innerText()).toContain('没有导入任何地点。请改好下面的问题后重新选择文件')
    const problems = (await alert.locator('li').allInnerTexts()).map((text) => text.trim())
    expect(problems).toEqual([expect.stringMatching(/^第 3 行：纬度「北纬32度」不是数字/), '第 4 行：缺少县区。'])
    // The good first row came in with the bad ones: it was not saved either.
    expect(await placesNamed(ALL_NAMES)).toEqual([])
    await editor.reload()
    await panel.waitFor({ timeout: 120_000 })
    expect(await editor.locator('.collection-list').innerText()).not.toContain('竹园镇家长服务站')
  }, 300_000)

  it('reads a GBK file as Excel on Chinese Windows saves it, and imports every row as a draft for review', async () => {
    const gbk = iconv.encode([HEADER, ...GOOD_ROWS].join('\r\n'), 'gbk')
    // Not UTF-8, so the import must know GBK to read the Chinese.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow()
    const panel = editor.locator('.gongyu-places-import')
    await choose({ name: '青川县服务地点（GBK）.csv', buffer: gbk })
    await expect
      .poll(() => panel.locator('output').last().innerText(), { timeout: 60_000 })
      .toBe('已导入 2 个地点，都是草稿，已提交审核；审核通过后发布到网站。')
    expect(await panel.getByRole('alert').count()).toBe(0)

    const imported = await placesNamed(ALL_NAMES)
    expect(
      imported
        .map(({ name, kind, county, phone, reviewState, _status }) => ({ name, kind, county, phone, reviewState, _status }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual(
      [
        { name: '乔庄镇家庭教育指导中心', kind: 'guidance-centre', county: '青川县', phone: '0839-7202345', reviewState: 'in-review', _status: 'draft' },
        { name: '木鱼镇家长服务站', kind: 'service-station', county: '青川县', phone: '12355', reviewState: 'in-review', _status: 'draft' },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    )
    // The list the editor is looking at shows them, spelled right.
    const list = editor.locator('.collection-list')
    await expect.poll(() => list.innerText(), { timeout: 60_000 }).toContain('乔庄镇家庭教育指导中心')
    expect(await list.innerText()).toContain('木鱼镇家长服务站')

    // The same file again would list the places twice: refused, line by line, and nothing more is saved.
    await choose({ name: '青川县服务地点（GBK）.csv', buffer: gbk })
    const alert = panel.getByRole('alert')
    await alert.waitFor({ timeout: 60_000 })
    expect((await alert.locator('li').allInnerTexts()).map((text) => text.trim())).toEqual([
      '第 2 行：服务地图里已经有青川县的「乔庄镇家庭教育指导中心」，请在后台直接修改它，或从文件里删掉这一行。',
      '第 3 行：服务地图里已经有青川县的「木鱼镇家长服务站」，请在后台直接修改它，或从文件里删掉这一行。',
    ])
    expect(await placesNamed(ALL_NAMES)).toHaveLength(2)
  }, 300_000)
})
