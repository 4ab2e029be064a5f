import type { Endpoint, PayloadRequest } from 'payload'
import { checkInUrl, escapeHtml, sessionSheetSignedBytes, type SessionSheetContent } from '@gongyu/contract'
import { hasRole, organizationOf } from '../../access/roles'
import { cmsSettings } from '../../env/settings'
import { activeSigner } from '../../signing/activeSigningKey'
import { shanghaiDate } from '../Certificates/shanghaiDate'
import { relationId } from '../Certificates/hooks/relationId'
import type { CourseList } from '../../payload-types'
import { sessionSheetPage } from './sessionSheetPage'
import { STAFF_PAGE_HEADERS, staffMessagePage } from '../../http/staffPage'

const DAY_MS = 24 * 60 * 60 * 1000
const BEIJING_TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' })

function messagePage(status: number, message: string): Response {
  return staffMessagePage(status, '签到表', message)
}

type LoadedList = { courseList: CourseList; organizationId: string | number }

/** The course list, when this user may print its sheets (its org-admin, or an admin); null otherwise. */
async function printableList(req: PayloadRequest, id: string | undefined): Promise<LoadedList | null> {
  if (!req.user || !id) return null
  // Not found, not allowed and an id of the wrong shape all get the same 404.
  const courseList = await req.payload
    .findByID({ collection: 'course-lists', id, depth: 1, draft: true, overrideAccess: false, user: req.user, disableErrors: true, req })
    .catch(() => null)
  const organizationId = relationId(courseList?.organization)
  const mayPrint = hasRole(req.user, 'admin') || (hasRole(req.user, 'org-admin') && String(organizationOf(req.user)) === String(organizationId))
  return courseList && organizationId !== undefined && mayPrint ? { courseList, organizationId } : null
}

const NOT_PRINTABLE = '找不到这个课程清单，或你没有权限打印它的签到表。'

/**
 * GET /api/course-lists/:id/sessions: the list's sessions with a link to each one's sheet
 * (the admin's 预览 button on a course list opens it).
 */
export const sessionSheetsIndexEndpoint: Endpoint = {
  path: '/:id/sessions',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return messagePage(401, '请先登录管理后台，再打开签到表。')
    const loaded = await printableList(req, (req.routeParams as { id?: string } | undefined)?.id)
    if (!loaded) return messagePage(404, NOT_PRINTABLE)
    const { courseList } = loaded
    const rows = (courseList.items ?? []).filter((row) => row.session?.startsAt)
    const links = rows.map((row) => {
      const resource = row.resource.value
      const title = typeof resource === 'object' ? resource.title : ''
      const when = BEIJING_TIME.format(new Date(row.session?.startsAt as string))
      return `<li><a href="/api/course-lists/${encodeURIComponent(String(courseList.id))}/sessions/${encodeURIComponent(String(row.id))}/sheet">${escapeHtml(when)} ${escapeHtml(title)}</a></li>`
    })
    const body = rows.length
      ? `<ul>${links.join('')}</ul>`
      : '<p>这个课程清单还没有线下活动。在课程清单的某一课里填写「线下活动」的开始时间和学时，保存后再打开本页。</p>'
    const html = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>签到表 · ${escapeHtml(courseList.title)}</title></head><body><h1>${escapeHtml(courseList.title)} · 签到表</h1>${body}</body></html>`
    return new Response(html, { status: 200, headers: STAFF_PAGE_HEADERS })
  },
}

/**
 * GET /api/course-lists/:id/sessions/:item/sheet: a session's A4 check-in sheet, its QR code signed
 * by the organization's key (the session, its day and hours, and the last day it may be scanned).
 * Only the list's org-admin and admins print it.
 */
export const printSessionSheetEndpoint: Endpoint = {
  path: '/:id/sessions/:item/sheet',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return messagePage(401, '请先登录管理后台，再打开签到表。')
    const { id, item } = (req.routeParams ?? {}) as { id?: string; item?: string }
    const loaded = await printableList(req, id)
    if (!loaded) return messagePage(404, NOT_PRINTABLE)
    const { courseList, organizationId } = loaded
    const row = courseList.items?.find((entry) => String(entry.id) === item)
    const session = row?.session
    if (!row || !session?.startsAt) return messagePage(404, '这一课没有填线下活动的开始时间，不能打印签到表。请先在课程清单里填写。')
    if (!session.hours) return messagePage(400, '这次活动没有填学时，不能打印签到表。请先在课程清单里填写学时。')
    const organization = typeof courseList.organization === 'object' ? courseList.organization : null
    const resource = row.resource.value
    const itemTitle = typeof resource === 'object' ? resource.title : courseList.title
    const startsAt = new Date(session.startsAt)
    const signer = await activeSigner(organizationId, req)
    const content: SessionSheetContent = {
      keyId: signer.keyId,
      organization: organization?.slug ?? '',
      session: `${courseList.slug}/${row.id}`,
      title: itemTitle.slice(0, 200),
      on: shanghaiDate(startsAt),
      hours: session.hours,
      validUntil: shanghaiDate(new Date(startsAt.getTime() + DAY_MS)),
    }
    const signedBytes = sessionSheetSignedBytes(content)
    const html = await sessionSheetPage({
      courseListTitle: courseList.title,
      itemTitle: content.title,
      organizationName: organization?.name ?? '',
      startsAt: BEIJING_TIME.format(startsAt),
      place: session.place ?? '',
      runBy: session.runBy ?? '',
      hours: session.hours,
      validUntil: content.validUntil,
      checkInUrl: checkInUrl(cmsSettings().siteUrl, signedBytes, signer.sign(signedBytes)),
    })
    return new Response(html, { status: 200, headers: STAFF_PAGE_HEADERS })
  },
}
