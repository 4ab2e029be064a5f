import type { PublicOrganization } from '@gongyu/contract'
import type { Organization } from '../../payload-types'

/** An organization as the site shows it, with the origins allowed to embed its widgets; every organization is public. */
export function organizationToPublicOrganization(organization: Organization): PublicOrganization {
  return {
    slug: organization.slug,
    name: organization.name,
    type: organization.type,
    region: organization.region,
    description: organization.description ?? '',
    allowedOrigins: (organization.allowedOrigins ?? []).map((row) => row.origin),
    countsZeroResultSearches: organization.countZeroResultSearches === true,
  }
}
