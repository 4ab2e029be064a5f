import type { Access, Where } from 'payload'
import { hasRole, organizationOf } from './roles'

/** Surveys: admins read all, an org-admin its own organization's, everyone the published ones (their questions are public). */
export const readSurveys: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  const organization = organizationOf(req.user)
  if (hasRole(req.user, 'org-admin') && organization !== undefined) {
    const ownOrPublished: Where = { or: [{ organization: { equals: organization } }, { _status: { equals: 'published' } }] }
    return ownOrPublished
  }
  return { _status: { equals: 'published' } }
}

/** Survey versions hold drafts: admins, and an org-admin for its own organization's (named through `version.`). */
export const readSurveyVersions: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  const organization = organizationOf(req.user)
  if (hasRole(req.user, 'org-admin') && organization !== undefined) {
    const own: Where = { 'version.organization': { equals: organization } }
    return own
  }
  return false
}
