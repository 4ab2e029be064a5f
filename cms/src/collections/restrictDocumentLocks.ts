import type { SanitizedConfig } from 'payload'
import { createOwnLock, deleteOwnLock, updateOwnLock } from '../access/documentLockAccess'
import { nameLockHolder } from '../hooks/nameLockHolder'

/**
 * Payload adds the `payload-locked-documents` collection during config
 * sanitizing, after plugins run, with "any signed-in user" access and no
 * override option (3.90.1). So its rules are replaced on the sanitized
 * config, before Payload starts, and the lock dialog is told who holds
 * the lock by name (`nameLockHolder`).
 */
export function restrictDocumentLocks(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((collection) => collection.slug === 'payload-locked-documents')
  if (!locks) return config
  locks.access = { ...locks.access, create: createOwnLock, update: updateOwnLock, delete: deleteOwnLock }
  locks.hooks = { ...locks.hooks, afterRead: [...(locks.hooks?.afterRead ?? []), nameLockHolder] }
  return config
}
