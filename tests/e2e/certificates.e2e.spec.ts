import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import jsQR from 'jsqr'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { certificateSignedBytes, decodeSignedCertificate, encodeSignedCertificate } from '@gongyu/contract'
import { ed25519Scheme } from '../../cms/src/signing/ed25519Scheme.ts'
import { decryptPrivateKey } from '../../cms/src/signing/privateKeyCipher.ts'
import { launchChromium } from '../helpers/browser.ts'
import { seriousAccessibilityProblems } from '../helpers/siteAccessibility.ts'
import { type BuiltTestSite, buildAndServeFromExport, TEST_SITE_URL } from '../helpers/siteBuild.ts'
import { validData } from '../fixtures/contentFixtures.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

// Issue 16: an org-admin issues a certificate, prints it, anyone scans it and the site checks it offline;
// after a revocation and a rebuild the same QR code shows 已撤销; another organization's key is refused.
type Id = string | number

let t: TestPayload
let browser: Browser
let certificate: { id: Id; signedText: string; certificateId: string }
const sites: BuiltTestSite[] = []
let sessionSheets: { list: Id; slug: string; today: string; past: string }
const DAY_MS = 24 * 60 * 60 * 1000

/** Exports what the CMS publishes now and builds the site from it, as the export job and site runner do. */
async function exportAndBuild(): Promise<BuiltTestSite> {
  const root = mkdtempSync(path.join(tmpdir(), 'gongyu-certificates-'))
  mkdirSync(path.join(root, 'published'))
  const { writePublishedExport } = await import('@gongyu/cms/publishing')
  await writePublishedExport(t.payload, path.join(root, 'published'))
  try {
    const site = await buildAndServeFromExport(root)
    sites.push(site)
    console.log(`certificates e2e: site built in ${site.buildSeconds.toFixed(1)} s`)
    return site
  } catch (error) {
    rmSync(root, { recursive: true, force: true })
    throw error
  }
}

/** The text of the QR code on the printed page: Chromium renders the print layout, jsQR reads the pixels. */
async function qrTextOfPrintedPage(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' })
  const png = await page.screenshot({ fullPage: true })
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const found = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)
  if (!found) throw new Error('no QR code found on the printed certificate')
  return found.data
}

/** A page the CMS prints (as org-admin A), rendered in Chromium, and the text of its QR code. */
async function scanPrinted(apiPath: string): Promise<{ page: Page; scanned: string }> {
  const response = await t.send(new Request(`http://localhost:3000/api${apiPath}`, { headers: { authorization: `JWT ${t.users.orgAdminA.token}` } }))
  expect(response.status).toBe(200)
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2 })
  await page.setContent(await response.text())
  return { page, scanned: await qrTextOfPrintedPage(page) }
}

async function verify(site: BuiltTestSite, signedText: string, options: { traditional?: boolean } = {}) {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
  await page.goto(`${site.url}${options.traditional ? '/zh-hant' : ''}/verify/#${signedText}`)
  const result = page.locator('gongyu-verify .verify-result[role="status"]')
  await result.locator('.verify-status, .verify-reason').first().waitFor()
  return { page, status: (await result.getAttribute('data-status')) ?? '', text: (await result.textContent()) ?? '', result }
}

beforeAll(async () => {
  process.env.GONGYU_SITE_URL = TEST_SITE_URL
  t = await startTestPayload()
  const courseList = await t.payload.create({
    collection: 'course-lists',
    data: { title: '一年四次八课', organization: t.organizations.a, items: [], _status: 'published' } as never,
  })
  const issued = await t.payload.create({
    collection: 'certificates',
    data: {
      recipientName: '王秀英',
      courseList: courseList.id,
      hours: 16,
      periodStart: '2026-03-01T04:00:00.000Z',
      periodEnd: '2026-11-30T04:00:00.000Z',
    } as never,
    overrideAccess: false,
    user: t.users.orgAdminA.user as never,
  })
  certificate = { id: issued.id, signedText: issued.signedText as string, certificateId: issued.certificateId as string }
  const theme = await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })
  const lesson = await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme: theme.id }), _status: 'published' } as never })
  const resource = { relationTo: 'lessons', value: lesson.id }
  const session = (startsAt: Date) => ({ resource, session: { startsAt: startsAt.toISOString(), place: '城关镇中心小学多功能厅', runBy: '班主任', hours: 2 } })
  const sessions = await t.payload.create({
    collection: 'course-lists',
    data: {
      title: '一年四次八课 · 第一次',
      // A third session at a fixed time, with the teacher's head count, for the public course-list page.
      items: [
        session(new Date()),
        session(new Date(Date.now() - 3 * DAY_MS)),
        { resource, session: { startsAt: '2026-09-04T17:30:00.000Z', place: '石桥村村委会', runBy: '县妇联', hours: 1.5, headCount: 23 } },
      ],
      _status: 'published',
    } as never,
    overrideAccess: false,
    user: t.users.orgAdminA.user as never,
  })
  const [today, past] = (sessions.items ?? []).map((row) => String(row.id))
  sessionSheets = { list: sessions.id, slug: sessions.slug as string, today: today as string, past: past as string }
  // Organization B gets a key of its own (its first issue would make one too).
  await t.payload.create({
    collection: 'signing-keys',
    data: { organization: t.organizations.b } as never,
    overrideAccess: false,
    user: t.users.orgAdminB.user as never,
  })
  browser = await launchChromium()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  for (const site of sites) await site.stop()
  await t?.close()
})

describe('a certificate checked offline', () => {
  let site: BuiltTestSite
  let scanned: string

  beforeAll(async () => {
    site = await exportAndBuild()
  }, 300_000)

  it('prints on one A4 page in Chinese whose QR code opens the verify page with the signed data after #', async () => {
    const printed = await scanPrinted(`/certificates/${certificate.id}/print`)
    const { page } = printed
    scanned = printed.scanned
    expect(await page.locator('h1').textContent()).toBe('结业证书')
    expect(await page.locator('.name').textContent()).toBe('王秀英')
    await page.emulateMedia({ media: 'screen' })
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1)
    await page.close()
    expect(scanned).toBe(`${TEST_SITE_URL}/verify/#${certificate.signedText}`)
    console.log(`certificates e2e: QR payload ${certificate.signedText.length} characters, URL ${scanned.length}`)
  })

  it('shows 有效 with what the certificate says, on a 360 px phone, and keeps checking with the network off', async () => {
    const hash = new URL(scanned).hash.slice(1)
    const requests: string[] = []
    const { page, status, text } = await verify(site, hash)
    expect(status).toBe('valid')
    expect(text).toContain('有效')
    expect(text).toContain('王秀英')
    expect(text).toContain('一年四次八课')
    expect(text).toContain('甲镇家长学校')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    expect(await seriousAccessibilityProblems(page)).toEqual([])
    page.on('request', (request) => requests.push(request.url()))
    await page.context().setOffline(true)
    const decoded = decodeSignedCertificate(hash)
    if (!decoded.ok) throw new Error(decoded.error)
    await page.evaluate(
      (next) => {
        location.hash = next
      },
      hash.slice(0, -4),
    )
    await page.locator('.verify-result[data-reason="truncated"]').waitFor()
    await page.evaluate((next) => {
      location.hash = next
    }, hash)
    await page.locator('.verify-result[data-status="valid"]').waitFor()
    // Chromium asks for the favicon again on a fragment change, by itself; the page asks for nothing.
    expect(requests.filter((url) => !url.endsWith('/favicon.svg'))).toEqual([])
    await page.close()
  })

  it('keeps the verify page’s script within 20 KB gzip, and reports its size and the verify time on a 4× slowed CPU', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.goto(`${site.url}/verify/#${certificate.signedText}`)
    await page.locator('.verify-result[data-status="valid"]').waitFor()
    const untilResult = await page.evaluate(() => performance.now())
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => /\.m?js$/.test(new URL(entry.name).pathname))
        .map((entry) => entry.name),
    )
    let gzipBytes = 0
    for (const url of scripts) gzipBytes += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length
    // Warm: the next link checked on the same page (a hash change), as when scanning several certificates.
    const warm = await page.evaluate(
      async (next) => {
        const result = document.querySelector('.verify-result') as HTMLElement
        const started = performance.now()
        await new Promise<void>((resolve) => {
          new MutationObserver((_, observer) => {
            observer.disconnect()
            resolve()
          }).observe(result, { childList: true })
          location.hash = next
        })
        return performance.now() - started
      },
      certificate.signedText.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')),
    )
    console.log(
      `certificates e2e: verify scripts ${scripts.length} file(s), ${(gzipBytes / 1024).toFixed(1)} KB gzip; 4× CPU: page load to result ${untilResult.toFixed(0)} ms, another check ${warm.toFixed(0)} ms`,
    )
    expect(scripts.length).toBeGreaterThan(0)
    expect(gzipBytes).toBeLessThan(20 * 1024)
    await page.close()
  })

  it('refuses a tampered, truncated, non-base64 or over-long link with a Chinese reason', async () => {
    const [payload, signature] = certificate.signedText.split('.') as [string, string]
    const decoded = decodeSignedCertificate(certificate.signedText)
    if (!decoded.ok) throw new Error(decoded.error)
    const forged = encodeSignedCertificate(certificateSignedBytes({ ...decoded.content, hours: 96 }), decoded.signature)
    const cases: [string, string][] = [
      [forged, '签名和内容对不上'],
      [`${payload}.${signature.slice(0, 20)}`, '数据不完整'],
      [`${payload}.${signature}!`, '不该出现的字符'],
      ['A'.repeat(1200), '数据太长'],
    ]
    for (const [hash, reason] of cases) {
      const { page, status, text } = await verify(site, hash)
      expect(status, reason).toBe('unverifiable')
      expect(text).toContain('无法验证')
      expect(text).toContain(reason)
      // Nothing a forger wrote is shown as if it were true.
      expect(text).not.toContain('王秀英')
      await page.close()
    }
  })

  it('refuses a certificate for organization A signed with organization B’s key', async () => {
    const keyOfB = (
      await t.payload.find({
        collection: 'signing-keys',
        where: { and: [{ organization: { equals: t.organizations.b } }, { status: { equals: 'active' } }] },
        overrideAccess: true,
        showHiddenFields: true,
      })
    ).docs[0]
    if (!keyOfB?.keyId || !keyOfB.encryptedPrivateKey) throw new Error('organization B has no key')
    const decoded = decodeSignedCertificate(certificate.signedText)
    if (!decoded.ok) throw new Error(decoded.error)
    const bytes = certificateSignedBytes({ ...decoded.content, keyId: keyOfB.keyId })
    const privateKey = decryptPrivateKey(keyOfB.encryptedPrivateKey, keyOfB.keyId, process.env.PAYLOAD_SECRET as string)
    const { page, status, text } = await verify(site, encodeSignedCertificate(bytes, ed25519Scheme.sign(privateKey, bytes)))
    expect(status).toBe('unverifiable')
    expect(text).toContain('另一个机构（乙社区工作坊）的密钥')
    await page.close()
  })

  it('checks in the Traditional copy too', async () => {
    const { page, status, text } = await verify(site, certificate.signedText, { traditional: true })
    expect(status).toBe('valid')
    expect(text).toContain('有效')
    expect(text).toContain('簽發')
    await page.close()
  })

  it('shows 已撤销 for the same QR code once the certificate is revoked and the site rebuilt', async () => {
    await t.payload.update({
      collection: 'certificates',
      id: certificate.id,
      data: { revoked: true, revocationReason: '学时登记有误' } as never,
      overrideAccess: false,
      user: t.users.orgAdminA.user as never,
    })
    const rebuilt = await exportAndBuild()
    const { page, status, text } = await verify(rebuilt, certificate.signedText)
    expect(status).toBe('revoked')
    expect(text).toContain('已撤销')
    expect(text).toContain('甲镇家长学校」已于')
    await page.close()
  }, 300_000)
})

describe('a session sheet scanned to check in (part 2)', () => {
  let site: BuiltTestSite

  beforeAll(async () => {
    site = sites[0] ?? (await exportAndBuild())
  }, 300_000)

  /** Opens a check-in link on a 360 px phone set to Beijing time, and what 我的学习 then holds. */
  async function checkIn(hash: string) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, timezoneId: 'Asia/Shanghai' })
    const page = await context.newPage()
    await page.goto(`${site.url}/check-in/#${hash}`)
    const result = page.locator('gongyu-check-in .check-in-result[role="status"]')
    await result.locator('.check-in-status').waitFor()
    const stamps = async () =>
      (await page.evaluate(() => JSON.parse(localStorage.getItem('gongyu-my-learning') ?? '{"stamps":[]}').stamps)) as { session: string; hours: number }[]
    return {
      context,
      page,
      status: await result.getAttribute('data-status'),
      reason: await result.getAttribute('data-reason'),
      text: (await result.textContent()) ?? '',
      stamps,
    }
  }

  it('prints today’s sheet, and scanning it keeps one stamp in 我的学习 with no request', async () => {
    const { page: sheet, scanned } = await scanPrinted(`/course-lists/${sessionSheets.list}/sessions/${sessionSheets.today}/sheet`)
    expect(await sheet.locator('h1').textContent()).toBe('家长学校签到')
    await sheet.close()
    expect(scanned.startsWith(`${TEST_SITE_URL}/check-in/#`)).toBe(true)
    const hash = new URL(scanned).hash.slice(1)
    const first = await checkIn(hash)
    expect(first.status).toBe('done')
    expect(first.text).toContain('签到成功')
    expect(first.text).toContain('2 学时')
    const requests: string[] = []
    first.page.on('request', (request) => requests.push(request.url()))
    // Scanning the same sheet again changes nothing.
    await first.page.reload()
    await first.page.locator('.check-in-result[data-status="done"]').waitFor()
    const stamps = await first.stamps()
    expect(stamps).toHaveLength(1)
    expect(stamps[0]).toMatchObject({ hours: 2 })
    expect(stamps[0]?.session).toContain(String(sessionSheets.today))
    expect(requests.filter((url) => !url.startsWith(site.url))).toEqual([])
    await first.context.close()
  })

  it('shows each session’s time (Beijing), place, who runs it and hours on the public course-list page, never the head count', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
    for (const [prefix, words] of [
      ['', ['地点', '石桥村村委会', '主讲', '县妇联', '1.5 学时', '2026年9月5日（周六）01:30（北京时间）']],
      ['/zh-hant', ['地點', '石橋村村委會', '主講', '縣婦聯', '1.5 學時', '2026年9月5日（週六）01:30（北京時間）']],
    ] as const) {
      await page.goto(`${site.url}${prefix}/course-lists/${sessionSheets.slug}/`)
      const sessionsShown = page.locator('.course-session')
      expect(await sessionsShown.count()).toBe(3)
      const text = (await sessionsShown.allTextContents()).join('\n')
      for (const word of words) expect(text, `${prefix || '/'}: ${word}`).toContain(word)
      const main = (await page.locator('main').textContent()) ?? ''
      expect(main).not.toMatch(/到场人数|到場人數|23\s*人/)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    expect(await seriousAccessibilityProblems(page)).toEqual([])
    await page.close()
  })

  it('opens the verify and check-in pages offline from the service worker, once any page of the site was visited', async () => {
    const { page: sheet, scanned } = await scanPrinted(`/course-lists/${sessionSheets.list}/sessions/${sessionSheets.today}/sheet`)
    await sheet.close()
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, timezoneId: 'Asia/Shanghai' })
    const page = await context.newPage()
    // Only the home page online: the service worker installs with its precache, and neither page is opened yet.
    await page.goto(`${site.url}/`)
    await page.evaluate(async () => void (await navigator.serviceWorker.ready))
    await context.setOffline(true)
    for (const prefix of ['', '/zh-hant']) {
      const verified = await page.goto(`${site.url}${prefix}/verify/#${certificate.signedText}`)
      expect(verified?.status()).toBe(200)
      await page.locator('.verify-result[data-status="valid"]').waitFor()
      expect(await page.locator('.verify-fallback').isVisible()).toBe(false)
    }
    const checkedIn = await page.goto(`${site.url}/zh-hant/check-in/#${new URL(scanned).hash.slice(1)}`)
    expect(checkedIn?.status()).toBe(200)
    await page.locator('.check-in-result[data-status="done"]').waitFor()
    expect(await page.locator('.check-in-result').textContent()).toContain('簽到成功')
    await context.close()
  })

  it('refuses an expired sheet and a tampered one, in Chinese, keeping no stamp', async () => {
    const { page: sheet, scanned } = await scanPrinted(`/course-lists/${sessionSheets.list}/sessions/${sessionSheets.past}/sheet`)
    await sheet.close()
    const expired = await checkIn(new URL(scanned).hash.slice(1))
    expect(expired.status).toBe('refused')
    expect(expired.reason).toBe('expired')
    expect(expired.text).toContain('已经过期')
    expect(await expired.stamps()).toEqual([])
    await expired.context.close()

    const { page: todaySheet, scanned: todayScanned } = await scanPrinted(`/course-lists/${sessionSheets.list}/sessions/${sessionSheets.today}/sheet`)
    await todaySheet.close()
    const [payload, signature] = new URL(todayScanned).hash.slice(1).split('.') as [string, string]
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString('utf8').replace(/,2,"/, ',8,"')).toString('base64url')
    const tampered = await checkIn(`${forged}.${signature}`)
    expect(tampered.status).toBe('refused')
    expect(tampered.text).toContain('签名和内容对不上')
    expect(await tampered.stamps()).toEqual([])
    await tampered.context.close()
  })
})
