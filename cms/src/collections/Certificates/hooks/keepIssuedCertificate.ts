import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import type { Certificate } from '../../../payload-types'
import { shanghaiDate } from '../shanghaiDate'
import { relationId } from './relationId'

/** What the signature covers, by field and its Chinese name: none of it may change once issued. */
const SIGNED_FIELDS = {
  recipientName: '姓名',
  organization: '签发机构',
  courseList: '课程清单',
  programme: '项目名称',
  hours: '学时',
  periodStart: '学习开始日期',
  periodEnd: '学习结束日期',
} as const satisfies Partial<Record<keyof Certificate, string>>
/** Written by the hooks only: kept as they were whatever a request sends. */
const LOG_FIELDS = ['certificateId', 'keyId', 'signedText', 'issuedBy', 'issuedAt', 'revokedBy', 'revokedAt'] as const

function comparable(field: keyof typeof SIGNED_FIELDS, value: unknown): string {
  if (value === null || value === undefined || value === '') return ''
  if (field === 'organization' || field === 'courseList') return String(relationId(value))
  if (field === 'periodStart' || field === 'periodEnd') return shanghaiDate(value as string)
  return String(value).trim()
}

/**
 * After issue a certificate only gets revoked: a change to anything it says
 * is refused with the fields named, since the printed QR code would no longer
 * match. Revoking records who and when; a revoked certificate stays revoked.
 */
export const keepIssuedCertificate: CollectionBeforeChangeHook<Certificate> = ({ data, operation, originalDoc, req, collection }) => {
  if (operation !== 'update' || !originalDoc) return data
  const changed = (Object.keys(SIGNED_FIELDS) as (keyof typeof SIGNED_FIELDS)[]).filter(
    (field) => field in data && comparable(field, data[field]) !== comparable(field, originalDoc[field]),
  )
  const errors: { path: string; message: string }[] = changed.map((field) => ({
    path: field,
    message: `证书签发后不能修改「${SIGNED_FIELDS[field]}」：打印出的二维码会与它不符。如有错误，请撤销这张证书后重新签发。`,
  }))
  if (originalDoc.revoked && data.revoked === false) {
    errors.push({ path: 'revoked', message: '已撤销的证书不能恢复。如需要，请重新签发一张。' })
  }
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors }, req.t)
  const kept: Partial<Certificate> = { ...data }
  for (const field of [...Object.keys(SIGNED_FIELDS), ...LOG_FIELDS] as (keyof Certificate)[]) kept[field] = originalDoc[field] as never
  if (originalDoc.revoked) {
    kept.revoked = true
    kept.revocationReason = originalDoc.revocationReason
  } else if (data.revoked) {
    kept.revokedAt = new Date().toISOString()
    kept.revokedBy = (req.user?.id as number | undefined) ?? null
  }
  return kept
}
