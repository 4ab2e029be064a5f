import type { PayloadRequest } from 'payload'
import type { Certificate } from '../../payload-types'

/**
 * The certificate a signed-in request names in its `:id`, read through the same access rules as the
 * API (its organization's org-admin and admins). Not found, not allowed and an id of the wrong shape
 * are all null, so a page or export built from it reveals nothing.
 */
export async function findCertificateForStaff(req: PayloadRequest): Promise<Certificate | null> {
  const id = req.routeParams?.id as string | undefined
  if (!id || !req.user) return null
  return req.payload.findByID({ collection: 'certificates', id, depth: 1, overrideAccess: false, user: req.user, disableErrors: true, req }).catch(() => null)
}
