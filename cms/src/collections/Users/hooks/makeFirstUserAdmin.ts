import type { CollectionBeforeValidateHook } from 'payload'
import type { User } from '../../../payload-types'

/**
 * The first account is always an admin, whatever the create-first-user form
 * (or a hand-made request to /api/users/first-register) sends: a school that
 * kept an editor as its only account could never create users (issue 14).
 */
export const makeFirstUserAdmin: CollectionBeforeValidateHook<User> = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  // Inside the request's transaction, so two first registrations at once see each other.
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs > 0) return data
  return { ...data, role: 'admin', organization: null }
}
