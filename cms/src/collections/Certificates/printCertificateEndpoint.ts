import type { Endpoint } from 'payload'
import { decodeSignedCertificate } from '@gongyu/contract'
import { cmsSettings } from '../../env/settings'
import { certificatePage } from './certificatePage'
import { findCertificateForStaff } from './findCertificateForStaff'
import { STAFF_PAGE_HEADERS, staffMessagePage } from '../../http/staffPage'

function messagePage(status: number, message: string): Response {
  return staffMessagePage(status, '结业证书', message)
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
    const certificate = await findCertificateForStaff(req)
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
    return new Response(html, { status: 200, headers: STAFF_PAGE_HEADERS })
  },
}
