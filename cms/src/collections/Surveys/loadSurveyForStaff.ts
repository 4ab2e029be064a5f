import type { PayloadRequest } from 'payload'
import { hasRole, organizationOf } from '../../access/roles'
import type { Survey } from '../../payload-types'

function idOf(value: unknown): string | number | undefined {
  if (value && typeof value === 'object') return (value as { id?: string | number }).id
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}

/**
 * The survey named in the URL, for an admin or an org-admin of its own
 * organization; undefined otherwise (not found, not allowed and a malformed
 * id look the same). Published surveys are public, so the read rule alone
 * would let any org-admin see another organization's report.
 */
export async function loadSurveyForStaff(req: PayloadRequest): Promise<Survey | undefined> {
  const id = req.routeParams?.id as string | undefined
  if (!id || !req.user) return undefined
  const survey = await req.payload
    .findByID({ collection: 'surveys', id, depth: 0, draft: true, overrideAccess: false, user: req.user, disableErrors: true, req })
    .catch(() => null)
  if (!survey) return undefined
  if (hasRole(req.user, 'admin')) return survey
  const own = organizationOf(req.user)
  return hasRole(req.user, 'org-admin') && own !== undefined && String(own) === String(idOf(survey.organization)) ? survey : undefined
}
