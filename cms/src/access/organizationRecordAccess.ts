import type { Access, Where } from 'payload'
import { hasRole, organizationOf } from './roles'

/**
 * Records that belong to one organization and only its staff may see
 * (signing keys, certificates): admins see and change all; an org-admin
 * only its own organization's; nobody else any.
 */
export const ownOrganizationRecords: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  const organization = organizationOf(req.user)
  if (hasRole(req.user, 'org-admin') && organization !== undefined) {
    const own: Where = { organization: { equals: organization } }
    return own
  }
  return false
}

/** Creating such a record: admins, and org-admins with an organization (a hook sets it to their own). */
export const createForOwnOrganization: Access = ({ req }) =>
  hasRole(req.user, 'admin') || (hasRole(req.user, 'org-admin') && organizationOf(req.user) !== undefined)
