import { type CertificateContent, certificateVerifyUrl } from '@gongyu/contract'

/** The JSON-LD contexts of an Open Badges 3.0 credential (1EdTech OB 3.0, on VC Data Model 2.0). */
export const OPEN_BADGES_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const

/** What an Open Badges credential needs besides the certificate's signed content. */
export interface OpenBadgeSources {
  content: CertificateContent
  /** The signed text of the QR code, for the verify link kept as evidence. */
  signedText: string
  organizationName: string
  /** The course list's public page, when it is published. */
  courseListUrl?: string
  /** The issuer's id: the `did:key` of the organization's signing key, so the proof's key is the issuer's. */
  issuerId: string
  siteUrl: string
}

// Certificate days are Beijing days: a day starts at 00:00 in Asia/Shanghai.
const beijingMidnight = (day: string) => `${day}T00:00:00+08:00`

/**
 * A certificate as an unsigned Open Badges 3.0 `OpenBadgeCredential`
 * (issue 16, optional part): the same facts as the printed certificate and
 * nothing more, with the name as a plain `name` identifier (the credential is
 * for the holder to keep), the hours as credits, and the verify link as evidence.
 */
export function openBadgeCredential(sources: OpenBadgeSources): Record<string, unknown> {
  const { content, organizationName, siteUrl } = sources
  const verifyUrl = certificateVerifyUrl(siteUrl, sources.signedText)
  const organizationUrl = new URL(`/organizations/${encodeURIComponent(content.organization)}/`, siteUrl).toString()
  return {
    '@context': [...OPEN_BADGES_CONTEXT],
    id: verifyUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `结业证书：${content.programme}`,
    issuer: { id: sources.issuerId, type: ['Profile'], name: organizationName, url: organizationUrl },
    validFrom: beijingMidnight(content.issuedOn),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: content.name, identityType: 'name', hashed: false }],
      activityStartDate: beijingMidnight(content.periodStart),
      activityEndDate: beijingMidnight(content.periodEnd),
      creditsEarned: content.hours,
      achievement: {
        id: sources.courseListUrl ?? `${organizationUrl}#${encodeURIComponent(content.programme)}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: content.programme,
        description: `完成「${content.programme}」的学习，共 ${content.hours} 学时。`,
        criteria: { narrative: `${content.periodStart} 至 ${content.periodEnd} 在${organizationName}完成「${content.programme}」，共 ${content.hours} 学时。` },
        creditsAvailable: content.hours,
      },
    },
    evidence: [{ id: verifyUrl, type: ['Evidence'], name: '共育证书核验页', description: `证书编号 ${content.id}，可离线核验签名与撤销状态。` }],
  }
}
