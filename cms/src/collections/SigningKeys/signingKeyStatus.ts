/** A signing key's life: it signs while active, still checks once retired, and checks nothing once revoked. */
export const SIGNING_KEY_STATUSES = [
  { code: 'active', label: '使用中', englishLabel: 'Active' },
  { code: 'retired', label: '已停用（原证书仍有效）', englishLabel: 'Retired' },
  { code: 'revoked', label: '已作废（密钥泄露）', englishLabel: 'Revoked' },
] as const

export type SigningKeyStatus = (typeof SIGNING_KEY_STATUSES)[number]['code']

/** The status changes allowed: forward only, so a revoked key can never sign or check again. */
export const ALLOWED_STATUS_CHANGES: Record<SigningKeyStatus, readonly SigningKeyStatus[]> = {
  active: ['retired', 'revoked'],
  retired: ['revoked'],
  revoked: [],
}
