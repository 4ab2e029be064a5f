import type { Access, PayloadRequest, Where } from 'payload'
import { hasRole } from './roles'

type Id = string | number

interface Reference {
  relationTo: string
  value: Id
}

/** A polymorphic relationship value as it arrives: `{ relationTo, value }`, with the value an id or a populated document. */
function referenceOf(value: unknown): Reference | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { relationTo, value: target } = value as { relationTo?: unknown; value?: unknown }
  if (typeof relationTo !== 'string') return undefined
  if (typeof target === 'string' || typeof target === 'number') return { relationTo, value: target }
  if (typeof target === 'object' && target !== null && 'id' in target) return { relationTo, value: (target as { id: Id }).id }
  return undefined
}

function isSignedInUser(req: PayloadRequest, value: unknown): boolean {
  const owner = referenceOf(value)
  return Boolean(req.user && owner && owner.relationTo === req.user.collection && String(owner.value) === String(req.user.id))
}

/** Whether the signed-in user may edit the locked document, by that collection's own update rule. */
async function mayEdit(req: PayloadRequest, value: unknown): Promise<boolean> {
  const target = referenceOf(value)
  const collection = target ? req.payload.collections[target.relationTo as keyof typeof req.payload.collections] : undefined
  if (!target || !collection) return false
  // The generated types give one id type per collection; ids arrive as either.
  const result = await collection.config.access.update({ req, id: target.value as number })
  if (!result) return false
  const where: Where = result === true ? { id: { equals: target.value } } : { and: [{ id: { equals: target.value } }, result] }
  const { totalDocs } = await req.payload.count({ collection: collection.config.slug, where, req, overrideAccess: true })
  return totalDocs > 0
}

const ownLocks = (req: PayloadRequest): Where => ({ 'user.value': { equals: req.user?.id } })

/**
 * Locks: a user may lock, for themselves only, a document they may edit.
 * Payload's own editor creates locks without access checks; this rule is
 * for the REST and GraphQL routes. Global locks are for admins only.
 */
export const createOwnLock: Access = async ({ req, data }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  if (!data || data.globalSlug || !isSignedInUser(req, data.user)) return false
  return mayEdit(req, data.document)
}

/**
 * Updating a lock: only to make oneself its holder ("take over" in the
 * editor), and only on a document one may edit. Without an id (bulk
 * updates, permission checks) only one's own locks qualify.
 */
export const updateOwnLock: Access = async ({ req, id, data }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  if (data?.globalSlug) return false
  if (data?.user !== undefined && !isSignedInUser(req, data.user)) return false
  if (data?.document !== undefined && !(await mayEdit(req, data.document))) return false
  if (id === undefined) return ownLocks(req)
  const lock = await req.payload.findByID({ collection: 'payload-locked-documents', id, depth: 0, req, overrideAccess: true, disableErrors: true })
  if (!lock) return false
  const holder = data?.user !== undefined ? data.user : lock.user
  return isSignedInUser(req, holder) && mayEdit(req, data?.document ?? lock.document)
}

/** Removing a lock: one's own; admins may clear any. */
export const deleteOwnLock: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  return ownLocks(req)
}
