import type { PublishedContent } from '@gongyu/contract'
import type { TrustList } from './verifyCertificate.ts'

/** What the verify and check-in pages embed from the export: the keys, who owns them, and the revoked certificates. */
export function trustListOf(content: PublishedContent): TrustList {
  return {
    keys: content.signingKeys ?? [],
    organizations: Object.fromEntries(content.organizations.map((organization) => [organization.slug, organization.name])),
    revoked: Object.fromEntries((content.revokedCertificates ?? []).map((entry) => [entry.id, entry.revokedOn])),
  }
}
