import type { PayloadRequest } from 'payload'
import { hasRole } from './roles'

/** Administrators only, for checks that take a bare request (job queues). */
export const isAdminRequest = ({ req }: { req: PayloadRequest }): boolean => hasRole(req.user, 'admin')
