import type { FieldAccess } from 'payload'
import { hasRole, organizationOf } from './roles'

type Relation = string | number | { id: string | number } | null | undefined

const idOf = (value: Relation) => (value && typeof value === 'object' ? value.id : value)

/**
 * A field only admins and the document's own organization's org-admin may
 * read or write, e.g. a session's head count (issue 16). The organization
 * is the saved document's (or, on create, the incoming one's, which an
 * org-admin cannot set to another organization); a version names it inside `version`.
 */
export const ownOrganizationField: FieldAccess = ({ req, doc, data }) => {
  if (hasRole(req.user, 'admin')) return true
  const own = organizationOf(req.user)
  if (!hasRole(req.user, 'org-admin') || own === undefined) return false
  const saved = doc as { organization?: Relation; version?: { organization?: Relation } } | undefined
  const organization = idOf(saved?.organization ?? saved?.version?.organization ?? (data as { organization?: Relation } | undefined)?.organization)
  return organization !== undefined && organization !== null && String(organization) === String(own)
}
