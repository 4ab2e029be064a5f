import type { Endpoint } from 'payload'
import { escapeHtml } from '@gongyu/contract'
import { cmsSettings } from '../../env/settings'
import { loadSurveyForStaff } from './loadSurveyForStaff'
import { STAFF_PAGE_HEADERS } from '../../http/staffPage'

/**
 * GET /api/surveys/:id/codes: the survey's one-time codes as slips to print
 * and cut, one per parent, with the survey's address on each.
 */
export const surveyCodesEndpoint: Endpoint = {
  path: '/:id/codes',
  method: 'get',
  handler: async (req) => {
    const survey = req.user ? await loadSurveyForStaff(req) : undefined
    if (!survey)
      return new Response('<!doctype html><meta charset="utf-8"><p>请先登录管理后台；只有本机构的管理员可以打印一次性码。</p>', {
        status: 404,
        headers: STAFF_PAGE_HEADERS,
      })
    const { docs } = await req.payload.find({
      collection: 'survey-codes',
      where: { survey: { equals: survey.id } },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      sort: 'code',
    })
    const address = `${cmsSettings().siteUrl.replace(/\/$/, '')}/surveys/${survey.slug}/`
    const slips = docs
      .map(
        (doc) =>
          `<div class="slip"><b>${escapeHtml(survey.title)}</b><br>问卷网址：${escapeHtml(address)}<br>一次性码：<span class="code">${escapeHtml(doc.code)}</span></div>`,
      )
      .join('')
    const empty = docs.length === 0 ? '<p>这份问卷还没有一次性码：在问卷里填写「一次性码数量」并保存。</p>' : ''
    const html = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>一次性码 · ${escapeHtml(survey.title)}</title><style>body{font:14px/1.5 system-ui,sans-serif;margin:1cm}.slip{border:1px dashed #666;display:inline-block;margin:.2cm;padding:.3cm;width:8cm}.code{font:bold 20px monospace;letter-spacing:.1em}</style></head><body>${empty}${slips}</body></html>`
    return new Response(html, { status: 200, headers: STAFF_PAGE_HEADERS })
  },
}
