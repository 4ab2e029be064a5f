import type { Access } from 'payload'
import { hasRole } from './roles'

/** Curriculum staff who write or review the course bank: editors, reviewers and admins. */
export const isContentStaff: Access = ({ req }) => hasRole(req.user, 'admin', 'reviewer', 'editor')
