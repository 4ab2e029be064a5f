import { escapeHtml } from '@gongyu/contract'
import { refusal } from '../http/refusal'

/**
 * Anyone may post here: the endpoint reads no cookie and no session, so a
 * page on any origin (the site, a school's own page, the offline queue)
 * gets a readable answer and nothing rides on a login.
 */
export const ANONYMOUS_CORS_HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' } as const

export interface AnonymousAnswer {
  status: number
  message: string
  headers?: Record<string, string>
  /** The site's home page, linked from the HTML page. */
  siteUrl: string
}

/** The small page a form posted without JavaScript gets back: the message, and the way back. */
function answerPage({ status, message, siteUrl }: AnonymousAnswer): string {
  const ok = status < 400
  const title = ok ? '提交成功' : '没有提交成功'
  const back = ok ? '' : '<p>请用浏览器的「返回」键回到问卷，改好后再提交，已经填写的内容一般还在。</p>'
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title} · 共育</title><style>body{font:18px/1.7 system-ui,sans-serif;margin:0 auto;max-width:36rem;padding:1rem}h1{font-size:1.4rem;color:${ok ? '#1b7f3b' : '#b00020'}}a{color:#0b57d0}</style></head><body><h1>${title}</h1><p>${escapeHtml(message)}</p>${back}<p><a href="${escapeHtml(siteUrl)}">回到共育首页</a></p></body></html>`
}

/** JSON (Payload's error shape for refusals) for scripts, a small Chinese page for a plain form post. */
export function anonymousAnswer(answer: AnonymousAnswer, wantsHtml: boolean): Response {
  const headers = { ...ANONYMOUS_CORS_HEADERS, ...answer.headers }
  if (wantsHtml) {
    return new Response(answerPage(answer), {
      status: answer.status,
      headers: {
        ...headers,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      },
    })
  }
  if (answer.status >= 400) return refusal(answer.status, answer.message, headers)
  return Response.json({ message: answer.message }, { status: answer.status, headers })
}
