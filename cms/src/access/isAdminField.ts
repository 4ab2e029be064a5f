import type { FieldAccess } from 'payload'
import { hasRole } from './roles'

/** Field access: only admins may set the field, so nobody can raise their own role. */
export const isAdminField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')
