import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import type { SigningKey } from '../../../payload-types'
import { ALLOWED_STATUS_CHANGES, SIGNING_KEY_STATUSES } from '../signingKeyStatus'

const KEY_FIELDS = ['organization', 'algorithm', 'keyId', 'publicKey', 'encryptedPrivateKey'] as const

const labelOf = (code: string) => SIGNING_KEY_STATUSES.find((status) => status.code === code)?.label ?? code

/**
 * After creation only the status may change, and only forward
 * (使用中 → 已停用 → 已作废): key material and owner stay as made, so a
 * published key id always means the same key.
 */
export const keepKeyMaterial: CollectionBeforeChangeHook<SigningKey> = ({ data, operation, originalDoc, req, collection }) => {
  if (operation !== 'update' || !originalDoc) return data
  const kept = { ...data }
  for (const field of KEY_FIELDS) kept[field] = originalDoc[field] as never
  const from = originalDoc.status
  const to = data.status ?? from
  if (to !== from && !ALLOWED_STATUS_CHANGES[from].includes(to)) {
    const message =
      from === 'revoked'
        ? '已作废的密钥不能再启用。请新建一个签名密钥。'
        : `密钥状态不能从「${labelOf(from)}」改为「${labelOf(to)}」。要换用新密钥，请新建一个，原来的会自动停用。`
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'status', message }] }, req.t)
  }
  return kept
}
