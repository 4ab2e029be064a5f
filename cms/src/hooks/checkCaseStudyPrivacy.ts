import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import { plainTextOf } from '../fields/plainTextOf'
import { describeFindings, findPersonalInformation } from '../privacy/findPersonalInformation'

const checkedFields = [
  { name: 'title', label: '标题' },
  { name: 'region', label: '地区' },
  { name: 'background', label: '背景' },
  { name: 'problem', label: '问题描述' },
  { name: 'strategy', label: '解决策略' },
  { name: 'outcome', label: '结果评估' },
] as const

/**
 * Rejects a case study whose text looks like it holds a child's personal
 * information. Runs on every create and update, over the merged document,
 * so a partial update cannot slip personal data past it.
 */
export const checkCaseStudyPrivacy: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  const merged: Record<string, unknown> = { ...(originalDoc ?? {}), ...(data ?? {}) }
  const errors = checkedFields.flatMap((field) => {
    const findings = findPersonalInformation(plainTextOf(merged[field.name]))
    return findings.length > 0 ? [{ path: field.name, message: describeFindings(field.label, findings) }] : []
  })
  if (errors.length > 0) throw new ValidationError({ collection: 'case-studies', errors }, req.t)
  return data
}
