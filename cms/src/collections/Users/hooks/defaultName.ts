import type { CollectionBeforeValidateHook } from 'payload'
import type { User } from '../../../payload-types'

/**
 * Accounts are titled by name (lists, relationship pickers, who submitted a
 * review); an account saved without one is named after its email's local part.
 */
export const defaultName: CollectionBeforeValidateHook<User> = ({ data, operation }) => {
  if (operation !== 'create' || !data || (typeof data.name === 'string' && data.name.trim() !== '')) return data
  const local = typeof data.email === 'string' ? data.email.split('@')[0] : ''
  return local ? { ...data, name: local } : data
}
