import { certificateLimits } from '@gongyu/contract'

/** The name as printed: one line, not blank. */
export function validateName(value: string | null | undefined): true | string {
  if (!value?.trim()) return '请填写证书上要打印的姓名。'
  if (/[\p{Cc}\p{Cf}]/u.test(value)) return '姓名里有看不见的控制字符，请重新输入。'
  if (value.trim().length > certificateLimits.nameLength) return `姓名最多 ${certificateLimits.nameLength} 个字。`
  return true
}

/** Study hours: 0.5 to 1000, in half hours. */
export function validateHours(value: number | null | undefined): true | string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0.5 || value > certificateLimits.maxHours || !Number.isInteger(value * 2)) {
    return `学时要在 0.5 到 ${certificateLimits.maxHours} 之间，以 0.5 学时为单位。`
  }
  return true
}

/** The period ends on or after its start. */
export function validatePeriodEnd(value: unknown, { siblingData }: { siblingData: Partial<{ periodStart: unknown }> }): true | string {
  if (!value) return '请填写学习结束日期。'
  const end = new Date(value as string).getTime()
  const start = siblingData.periodStart ? new Date(siblingData.periodStart as string).getTime() : Number.NaN
  if (Number.isNaN(end)) return '学习结束日期不是有效的日期。'
  if (!Number.isNaN(start) && end < start) return '学习结束日期不能早于开始日期。'
  return true
}
