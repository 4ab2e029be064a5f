import { type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type PayloadRequest, ValidationError } from 'payload'
import { LastAdminError } from '../../../errors/LastAdminError'
import type { User } from '../../../payload-types'

const LAST_ADMIN = '这是最后一个管理员账号。请先把另一个账号设为管理员，再修改或删除这个账号。'

/** True when accounts other than `id` exist but none of them is an admin. */
async function onlyAdminAmongUsers(req: PayloadRequest, id: string | number): Promise<boolean> {
  const others = await req.payload.count({ collection: 'users', overrideAccess: true, req, where: { id: { not_equals: id } } })
  if (others.totalDocs === 0) return false
  const otherAdmins = await req.payload.count({
    collection: 'users',
    overrideAccess: true,
    req,
    where: { and: [{ id: { not_equals: id } }, { role: { equals: 'admin' } }] },
  })
  return otherAdmins.totalDocs === 0
}

/**
 * The last admin cannot give up the role while other accounts exist: they
 * could then never be managed again. (With no accounts left, the admin offers
 * its create-first-user form again.)
 */
export const keepAdminRole: CollectionBeforeChangeHook<User> = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || originalDoc?.role !== 'admin' || data.role === undefined || data.role === 'admin') return data
  if (await onlyAdminAmongUsers(req, originalDoc.id)) throw new ValidationError({ collection: 'users', errors: [{ path: 'role', message: LAST_ADMIN }] }, req.t)
  return data
}

/** The last admin cannot be deleted while other accounts exist. */
export const keepLastAdmin: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (doc?.role === 'admin' && (await onlyAdminAmongUsers(req, id))) throw new LastAdminError(LAST_ADMIN)
}
