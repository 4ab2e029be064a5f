import type { Access } from 'payload'
import { hasRole, organizationOf } from './roles'

/** Admins change every organization; an org-admin only its own (for example its allowed embed origins). */
export const updateOwnOrganization: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  const organization = organizationOf(req.user)
  if (hasRole(req.user, 'org-admin') && organization !== undefined) return { id: { equals: organization } }
  return false
}
