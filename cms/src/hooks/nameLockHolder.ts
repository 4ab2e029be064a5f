import type { CollectionAfterReadHook } from 'payload'
import type { PayloadLockedDocument } from '../payload-types'
import { userRoles } from '../collections/Users'

type LockHolder = PayloadLockedDocument['user']

/**
 * The editor's "文档已锁定" dialog names the holder as `user.email ?? user.id`
 * (Payload 3.90.1, not configurable). Staff may not read colleagues' accounts,
 * so the relation stays a bare id and the dialog said `用户: 2`. This gives
 * the reader the holder's name and role in that slot instead — never the
 * colleague's address, which only admins and the holder see.
 */
export const nameLockHolder: CollectionAfterReadHook<PayloadLockedDocument> = async ({ doc, req }) => {
  const holder = doc.user as LockHolder | undefined
  if (!req.user || !holder || holder.relationTo !== 'users' || typeof holder.value === 'object') return doc
  const account = await req.payload.findByID({
    collection: 'users',
    id: holder.value,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { name: true, role: true },
    req,
  })
  if (!account) return doc
  const role = userRoles.find((candidate) => candidate.code === account.role)?.label
  const label = [account.name?.trim() || '一位同事', role ? `（${role}）` : ''].join('')
  return { ...doc, user: { relationTo: 'users', value: { id: account.id, email: label } } }
}
