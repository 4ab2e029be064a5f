import type { PayloadRequest } from 'payload'

/** Staff roles, from most to least powerful. */
export const roles = ['admin', 'reviewer', 'editor', 'org-admin'] as const
export type Role = (typeof roles)[number]

type MaybeUser = PayloadRequest['user']

/** The signed-in user's role, if the user is a Gongyu user. */
export function roleOf(user: MaybeUser): Role | undefined {
  const role = (user as { role?: unknown } | null | undefined)?.role
  return roles.includes(role as Role) ? (role as Role) : undefined
}

/** True when the user has one of the given roles. */
export function hasRole(user: MaybeUser, ...allowed: Role[]): boolean {
  const role = roleOf(user)
  return role !== undefined && allowed.includes(role)
}

/** The id of the organization an org-admin belongs to. */
export function organizationOf(user: MaybeUser): string | number | undefined {
  const organization = (user as { organization?: unknown } | null | undefined)?.organization
  if (typeof organization === 'string' || typeof organization === 'number') return organization
  if (organization && typeof organization === 'object' && 'id' in organization) {
    return (organization as { id: string | number }).id
  }
  return undefined
}
