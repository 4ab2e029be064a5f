import type { Access, Where } from 'payload'
import { hasRole, organizationOf } from './roles'

/** Course lists: admins and reviewers read all, org-admins read their own, everyone reads published ones. */
export const readCourseLists: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'reviewer', 'editor')) return true
  const organization = organizationOf(req.user)
  if (hasRole(req.user, 'org-admin') && organization !== undefined) {
    const ownOrPublished: Where = { or: [{ organization: { equals: organization } }, { _status: { equals: 'published' } }] }
    return ownOrPublished
  }
  return { _status: { equals: 'published' } }
}

/**
 * Version history: content staff read all; an org-admin only its own
 * organization's, and nobody else, since versions hold drafts. The rule
 * names the versioned field (`version.organization`): versions have no
 * top-level `organization`, so the read rule above fails on them.
 */
export const readCourseListVersions: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'reviewer', 'editor')) return true
  const organization = organizationOf(req.user)
  if (hasRole(req.user, 'org-admin') && organization !== undefined) {
    const own: Where = { 'version.organization': { equals: organization } }
    return own
  }
  return false
}

/** Admins manage every course list; an org-admin only its own organization's. */
export const manageOwnCourseLists: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  const organization = organizationOf(req.user)
  if (hasRole(req.user, 'org-admin') && organization !== undefined) {
    return { organization: { equals: organization } }
  }
  return false
}

/** Creating: admins, and org-admins (the organization is forced to their own by a hook). */
export const createCourseLists: Access = ({ req }) => hasRole(req.user, 'admin') || (hasRole(req.user, 'org-admin') && organizationOf(req.user) !== undefined)
