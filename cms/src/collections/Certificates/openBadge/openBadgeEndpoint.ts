import type { Endpoint } from 'payload'
import { decodeSignedCertificate, fromBase64url } from '@gongyu/contract'
import { cmsSettings } from '../../../env/settings'
import { activeSigner } from '../../../signing/activeSigningKey'
import { addEddsaJcs2022Proof, didKeyVerificationMethod } from './eddsaJcs2022'
import { openBadgeCredential } from './openBadgeCredential'
import { findCertificateForStaff } from '../findCertificateForStaff'

// It holds a name, so nothing caches it; it is a download, never a page.
const HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' }

function refusal(status: number, message: string): Response {
  return Response.json({ errors: [{ message }] }, { status, headers: HEADERS })
}

type Relation = string | number | { id: string | number; slug?: string | null; _status?: string | null } | null | undefined

/**
 * GET /api/certificates/:id/open-badge: the certificate as an Open Badges 3.0
 * credential (JSON), with an `eddsa-jcs-2022` proof by the organization's
 * active key as a `did:key`, for those who may read the certificate (its
 * organization's org-admin and admins). A revoked certificate is not exported.
 */
export const openBadgeEndpoint: Endpoint = {
  path: '/:id/open-badge',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return refusal(401, '请先登录管理后台，再导出证书。')
    const certificate = await findCertificateForStaff(req)
    if (!certificate) return refusal(404, '找不到这张证书，或你没有权限查看它。')
    if (certificate.revoked) return refusal(409, '这张证书已经撤销，不能再导出为 Open Badges 文件。')
    const decoded = decodeSignedCertificate(certificate.signedText ?? '')
    if (!decoded.ok || !certificate.signedText) return refusal(500, '这张证书没有有效的签名数据，请撤销后重新签发。')
    const organization = certificate.organization as Relation
    const organizationId = typeof organization === 'object' && organization ? organization.id : organization
    if (organizationId === null || organizationId === undefined) return refusal(500, '这张证书没有签发机构。')
    const signer = await activeSigner(organizationId, req)
    // eddsa-jcs-2022 is an Ed25519 suite; a deployment signing with SM2 has no Open Badges proof to give.
    if (signer.algorithm !== 'ed25519') return refusal(501, '本系统的签名算法不是 Ed25519，不能导出 Open Badges 文件。')
    const key = (
      await req.payload.find({ collection: 'signing-keys', where: { keyId: { equals: signer.keyId } }, limit: 1, depth: 0, overrideAccess: true, req })
    ).docs[0]
    const publicKey = fromBase64url(key?.publicKey ?? '')
    if (!publicKey) return refusal(500, '找不到机构签名密钥的公钥。')
    const verificationMethod = didKeyVerificationMethod(publicKey)
    const courseList = certificate.courseList as Relation
    const siteUrl = cmsSettings().siteUrl
    const courseListUrl =
      typeof courseList === 'object' && courseList?.slug && courseList._status === 'published'
        ? new URL(`/course-lists/${encodeURIComponent(courseList.slug)}/`, siteUrl).toString()
        : undefined
    const credential = openBadgeCredential({
      content: decoded.content,
      signedText: certificate.signedText,
      organizationName: typeof organization === 'object' && organization && 'name' in organization ? String(organization.name) : decoded.content.organization,
      courseListUrl,
      issuerId: verificationMethod.split('#')[0] as string,
      siteUrl,
    })
    const created = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
    const signed = addEddsaJcs2022Proof(credential, { created, verificationMethod, sign: signer.sign })
    return new Response(JSON.stringify(signed, null, 2), {
      status: 200,
      headers: {
        ...HEADERS,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="gongyu-certificate-${decoded.content.id}.json"`,
      },
    })
  },
}
