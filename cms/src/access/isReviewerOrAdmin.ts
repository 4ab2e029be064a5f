import type { Access } from 'payload'
import { hasRole } from './roles'

/** Reviewers and admins: the people who may publish and delete course content. */
export const isReviewerOrAdmin: Access = ({ req }) => hasRole(req.user, 'admin', 'reviewer')
