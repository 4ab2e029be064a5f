import type { Endpoint } from 'payload'
import { decodeSignedCertificate, escapeHtml } from '@gongyu/contract'
import { cmsSettings } from '../../env/settings'
import { certificatePage } from './certificatePage'

// The page is built here in full, so it may run no script and load nothing; it holds a name, so nothing caches it.
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
}

function messagePage(status: number, message: string): Response {
  const html = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>结业证书</title></head><body><p>${escapeHtml(message)}</p></body></html>`
  return new Response(html, { status, headers: PAGE_HEADERS })
}

/**
 * GET /api/certificates/:id/print: the printable A4 certificate, for those who
 * may read it (the organization's org-admin and admins), through the same
 * access rules as the API.
 */
export const printCertificateEndpoint: Endpoint = {
  path: '/:id/print',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return messagePage(401, '请先登录管理后台，再打开证书打印页。')
    const id = req.routeParams?.id as string | undefined
    // Not found, not allowed and an id of the wrong shape all get the same 404, so the page reveals nothing.
    const certificate = id
      ? await req.payload
          .findByID({ collection: 'certificates', id, depth: 1, overrideAccess: false, user: req.user, disableErrors: true, req })
          .catch(() => null)
      : null
    if (!certificate) return messagePage(404, '找不到这张证书，或你没有权限查看它。')
    const decoded = decodeSignedCertificate(certificate.signedText ?? '')
    if (!decoded.ok || !certificate.signedText) return messagePage(500, '这张证书没有有效的签名数据，请撤销后重新签发。')
    const organizationName = typeof certificate.organization === 'object' ? certificate.organization.name : ''
    const html = await certificatePage({
      content: decoded.content,
      signedText: certificate.signedText,
      organizationName,
      siteUrl: cmsSettings().siteUrl,
      revoked: Boolean(certificate.revoked),
    })
    return new Response(html, { status: 200, headers: PAGE_HEADERS })
  },
}
