import type { FieldAccess } from 'payload'
import { hasRole } from './roles'

/** Field access: curriculum staff only (editors, reviewers, admins); the public never sees the field. */
export const isContentStaffField: FieldAccess = ({ req }) => hasRole(req.user, 'admin', 'reviewer', 'editor')
