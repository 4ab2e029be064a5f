import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import type { User } from '../../../payload-types'

/** An org-admin without an organization could manage nothing, so it cannot be saved. */
export const requireOrganizationForOrgAdmin: CollectionBeforeValidateHook<User> = ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  if (merged.role === 'org-admin' && !merged.organization) {
    throw new ValidationError({ collection: 'users', errors: [{ path: 'organization', message: '机构管理员必须选择所属机构。' }] }, req.t)
  }
  return data
}
