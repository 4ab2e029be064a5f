import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.ts'
import { buildTestSite, type BuiltTestSite } from '../helpers/siteBuild.ts'
import { hostHtml, openWidgetPage, startWidgetHost, strictHostCsp, waitForWidgets, widgetView } from '../helpers/widgetHost.ts'
import { widgetScriptOf } from '../helpers/widgetSites.ts'

// The 小班 slice carries every starter event (the held lecture's replay is a 小班 micro-lesson); the build takes
// 3 December 2026 as today, so September's lecture is over and December's and January's are still to come.
const PHONE = { width: 360, height: 740 }
const WINTER_SESSION = 'event-2026-12-rural-winter-break-session'

let site: BuiltTestSite
let browser: Browser
let offline: BrowserContext

function eventsIn(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
}

async function open(page: Page, route: string): Promise<void> {
  const response = await page.goto(`${site.url}${route}`)
  expect(response?.status(), route).toBe(200)
}

beforeAll(async () => {
  site = await buildTestSite({ grades: ['k1'], buildDate: '2026-12-03T10:00:00+08:00' })
  browser = await launchChromium()
  // The calendar must work with JavaScript off: month pages are server-rendered and paged by links.
  offline = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, acceptDownloads: true })
}, 300_000)

afterAll(async () => {
  await offline?.close()
  await browser?.close()
  await site?.stop()
})

describe('the event calendar on a phone', () => {
  it('finds this month’s session on the calendar without JavaScript, and pages to the next month', async () => {
    const page = await offline.newPage()
    await open(page, '/events/')
    expect(await page.locator('h1').textContent()).toBe('讲座和活动')
    await page.getByRole('link', { name: '看本月日历' }).click()
    await page.waitForURL('**/events/calendar/2026-12/')
    expect(await page.locator('table.month-calendar caption').textContent()).toBe('2026年12月')
    await page.getByRole('link', { name: '12月19日，1 场活动' }).click()
    await page.waitForURL('**/events/calendar/2026-12/#day-2026-12-19')
    const day = page.locator('#day-2026-12-19')
    expect(await day.getByRole('link', { name: '寒假前家长会：留守孩子的假期怎么安排' }).count()).toBe(1)
    expect(await day.textContent()).toContain('12月19日（周六）14:00–15:30')

    await page.getByRole('link', { name: '1月 ›' }).click()
    await page.waitForURL('**/events/calendar/2027-01/')
    expect(await page.getByRole('link', { name: '亲子手工工作坊：一起做元宵花灯' }).count()).toBe(1)
    await page.close()
  })

  it('fits a 360 px screen', async () => {
    const context = await browser.newContext({ viewport: PHONE })
    const page = await context.newPage()
    for (const route of ['/events/', '/events/calendar/2026-12/', `/events/${WINTER_SESSION}/`]) {
      await open(page, route)
      expect(await page.evaluate(() => document.documentElement.scrollWidth), route).toBeLessThanOrEqual(PHONE.width)
    }
    await context.close()
  })

  it('shows a past lecture’s replay, from the calendar to the micro-lesson', async () => {
    const page = await offline.newPage()
    await open(page, '/events/calendar/2026-09/')
    await page.getByRole('link', { name: '孩子入园哭闹怎么办：分离焦虑线上讲座' }).click()
    await page.waitForURL('**/events/event-2026-09-k1-separation-lecture/')
    expect(await page.locator('.kicker').textContent()).toContain('已结束')
    // A past online event no longer offers its live room.
    expect(await page.getByRole('link', { name: '进入直播间' }).count()).toBe(0)
    await page.getByRole('link', { name: /^看回放：/ }).click()
    await page.waitForURL('**/micro-lessons/micro-k1-goodbye-ritual/')
    await page.close()
  })

  it('describes an event page as a schema.org EducationEvent in Beijing time', async () => {
    const page = await offline.newPage()
    await open(page, `/events/${WINTER_SESSION}/`)
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
    const event = blocks.map((text) => JSON.parse(text)).find((data) => data['@type'] === 'EducationEvent')
    expect(event).toMatchObject({
      name: '寒假前家长会：留守孩子的假期怎么安排',
      startDate: '2026-12-19T14:00:00+08:00',
      endDate: '2026-12-19T15:30:00+08:00',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: '青山镇中心学校多功能教室（教学楼一层）' },
      organizer: { '@type': 'Organization', name: '青山镇中心学校家长学校' },
      performer: { '@type': 'Organization', name: '青山镇中心学校家长学校' },
    })
    await page.close()
  })

  it('downloads an .ics file that a real iCalendar parser reads, without JavaScript', async () => {
    const page = await offline.newPage()
    await open(page, `/events/${WINTER_SESSION}/`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '加到手机日历' }).click()])
    expect(download.suggestedFilename()).toBe(`${WINTER_SESSION}.ics`)
    const [event, ...others] = eventsIn(readFileSync(await download.path(), 'utf8'))
    expect(others).toEqual([])
    expect(event?.uid).toBe(`event:${WINTER_SESSION}@gongyu.example.cn`)
    expect(event?.summary).toBe('寒假前家长会：留守孩子的假期怎么安排')
    expect(event?.startDate.toJSDate().toISOString()).toBe('2026-12-19T06:00:00.000Z')
    await page.close()
  })

  it('serves subscribable feeds per organization and per grade as text/calendar, with the same UIDs', async () => {
    const page = await offline.newPage()
    const feed = async (route: string) => {
      const response = await page.request.get(`${site.url}${route}`)
      expect(response.status(), route).toBe(200)
      expect(response.headers()['content-type'], route).toMatch(/^text\/calendar/)
      return eventsIn(await response.text())
    }
    const rural = await feed('/events/feeds/organization/org-rural-parent-school.ics')
    expect(rural.map((event) => event.summary).sort()).toEqual(['寒假前家长会：留守孩子的假期怎么安排', '考前一个月，家长怎样帮孩子稳住心态'])
    const p1 = await feed('/events/feeds/grade/p1.ics')
    expect(p1.map((event) => event.uid)).toContain(`event:${WINTER_SESSION}@gongyu.example.cn`)
    expect((await feed('/events/feeds/grade/k1.ics')).map((event) => event.summary)).toEqual(['孩子入园哭闹怎么办：分离焦虑线上讲座'])
    await page.close()
  })

  it('has a Traditional copy of the calendar and event pages', async () => {
    const page = await offline.newPage()
    await open(page, '/zh-hant/events/calendar/2026-12/')
    expect(await page.locator('h1').textContent()).toBe('2026年12月活動日曆')
    await page.getByRole('link', { name: /寒假前家長會/ }).click()
    await page.waitForURL(`**/zh-hant/events/${WINTER_SESSION}/`)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant')
    await page.close()
  })

  it('lists an organization’s coming events in <gongyu-event-list> on a school’s page with a strict policy', async () => {
    const host = await startWidgetHost()
    try {
      const script = await widgetScriptOf(site.url)
      const body = [
        `<gongyu-event-list organization="org-rural-parent-school"><a href="${site.url}/events/">讲座和活动</a></gongyu-event-list>`,
        `<gongyu-event-list grade="k2" count="1" lang="zh-Hant"></gongyu-event-list>`,
        `<script src="${script.src}" integrity="${script.integrity}" crossorigin="anonymous" defer></script>`,
      ].join('\n')
      host.setPage('/school.html', { html: hostHtml(body), csp: strictHostCsp(site.url) })
      const { context, page, problems } = await openWidgetPage(browser)
      await page.goto(`${host.origin}/school.html`)
      await waitForWidgets(page, 'gongyu-event-list')
      const rural = await widgetView(page, 'gongyu-event-list[organization]')
      expect(rural.heading).toBe('讲座和活动')
      expect(rural.titles).toEqual(['寒假前家长会：留守孩子的假期怎么安排', '考前一个月，家长怎样帮孩子稳住心态'])
      expect(rural.hrefs).toContain(`${site.url}/events/${WINTER_SESSION}/`)
      expect(rural.more).toBe('在共育网站查看全部讲座和活动')
      const traditional = await widgetView(page, 'gongyu-event-list[grade]')
      expect(traditional.titles).toEqual(['親子手工工作坊：一起做元宵花燈'])
      expect(traditional.hrefs[0]).toBe(`${site.url}/zh-hant/events/event-2027-01-family-lantern-workshop/`)
      expect(problems.errors).toEqual([])
      await context.close()
    } finally {
      await host.stop()
    }
  })
})
