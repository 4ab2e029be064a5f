import type { CollectionBeforeValidateHook } from 'payload'
import { hasRole, organizationOf } from '../../../access/roles'

/**
 * An org-admin's course lists always belong to the org-admin's own organization.
 * Untyped on purpose: the generated types number every id (SQLite), while on MongoDB the organization id is a string.
 */
export const assignOwnOrganization: CollectionBeforeValidateHook = ({ data, operation, req }) => {
  if (data && operation === 'create' && hasRole(req.user, 'org-admin')) {
    data.organization = organizationOf(req.user)
  }
  return data
}
