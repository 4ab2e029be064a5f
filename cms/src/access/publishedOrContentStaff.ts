import type { Access } from 'payload'
import { hasRole } from './roles'

/** Content staff read everything; everyone else reads published documents only. */
export const publishedOrContentStaff: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'reviewer', 'editor')) return true
  return { _status: { equals: 'published' } }
}
