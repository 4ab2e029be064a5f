import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import type { CollectionBeforeOperationHook } from 'payload'

const derive = promisify(pbkdf2)
// Payload's current password hash (payload/dist/auth/strategies/local/generatePasswordSaltHash.js):
// PBKDF2-SHA256, 600,000 iterations, 32-byte key. The dummy check must cost the same.
const ITERATIONS = 600_000
const KEY_LENGTH = 32
const DUMMY_SALT = randomBytes(32).toString('hex')

/**
 * Makes a login with an unknown email as slow as one with a wrong password.
 * Payload answers an unknown email at once but checks a known one's password
 * (about half a second), so the timing told which emails have accounts.
 * For an unknown email this derives a throwaway hash of the same cost.
 */
export const equalizeLoginTiming: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'login') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  // Payload refuses a missing email or password itself, before any lookup.
  if (typeof data?.email !== 'string' || typeof data.password !== 'string' || data.password.trim() === '') return args
  const email = data.email.toLowerCase().trim()
  const found = await req.payload.db.findOne({ collection: collection.slug, req, where: { email: { equals: email } } })
  if (!found) await derive(data.password, DUMMY_SALT, ITERATIONS, KEY_LENGTH, 'sha256')
  return args
}
