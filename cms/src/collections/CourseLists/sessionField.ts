import type { GroupField } from 'payload'
import { sessionHoursRange } from '@gongyu/contract'
import { localizedLabel } from '../../i18n/localizedLabel'
import { ownOrganizationField } from '../../access/ownOrganizationField'

/** A session's details as saved; `headCount` is the teacher's count of who came, never names. */
export type SessionValue =
  | { startsAt?: string | null; place?: string | null; runBy?: string | null; hours?: number | null; headCount?: number | null }
  | null
  | undefined

/** 到场人数: whole people, from none to a full school hall. Past the top it is a typing slip, not a session. */
export const sessionHeadCountRange = { min: 0, max: 2000 } as const

const isGiven = (value: unknown) => value !== null && value !== undefined && value !== ''

function hasSessionDetails(session: SessionValue): boolean {
  return Boolean(session?.place?.trim() || session?.runBy?.trim() || isGiven(session?.hours) || isGiven(session?.headCount))
}

/** A session's start: required once any other session detail is given, since the signed sheet is for a day. */
export function validateStartsAt(value: unknown, { siblingData }: { siblingData: SessionValue }): true | string {
  if (!value && hasSessionDetails(siblingData)) return '这次活动填了地点、主讲、学时或到场人数，但没有填日期和时间。请填写开始时间（北京时间）。'
  if (value && Number.isNaN(new Date(value as string).getTime())) return '开始时间不是有效的日期和时间。'
  return true
}

/** A head count: a whole number of people within sessionHeadCountRange, or nothing yet. */
export function validateHeadCount(value: unknown): true | string {
  if (!isGiven(value)) return true
  const count = typeof value === 'number' ? value : Number(value)
  if (!Number.isInteger(count)) return '到场人数要填整数（几个人就填几），不能有小数或文字。'
  if (count < sessionHeadCountRange.min) return '到场人数不能是负数。没有人来就填 0。'
  if (count > sessionHeadCountRange.max) {
    return `到场人数不能超过 ${sessionHeadCountRange.max} 人，请检查是否多打了数字。`
  }
  return true
}

/** Hours a session earns: 0.5 to 8, in half hours. */
export function validateSessionHours(value: number | null | undefined): true | string {
  if (value === null || value === undefined) return true
  if (!Number.isFinite(value) || value < sessionHoursRange.min || value > sessionHoursRange.max || !Number.isInteger(value * 2)) {
    return `学时要在 ${sessionHoursRange.min} 到 ${sessionHoursRange.max} 之间，以 0.5 学时为单位。`
  }
  return true
}

/**
 * 家长学校活动 (issue 16, part 2): an item of a course list held as a session, with its time,
 * place, who runs it (a role or organization, never an invented person) and the hours it earns.
 * An org-admin prints its sheet with a signed QR code (printSessionSheetEndpoint.ts).
 */
export const sessionField: GroupField = {
  name: 'session',
  type: 'group',
  label: localizedLabel('线下活动（可选）', 'Session (optional)'),
  admin: {
    description: localizedLabel(
      '这一课在家长学校线下开课时填写。保存后可以打印带签到二维码的签到表。',
      'For a lesson held as a session; its check-in sheet can be printed.',
    ),
  },
  fields: [
    {
      name: 'startsAt',
      type: 'date',
      label: localizedLabel('开始时间（北京时间）', 'Starts at (Asia/Shanghai)'),
      validate: validateStartsAt,
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年M月d日 HH:mm' } },
    },
    { name: 'place', type: 'text', maxLength: 100, label: localizedLabel('地点', 'Place') },
    {
      name: 'runBy',
      type: 'text',
      maxLength: 60,
      label: localizedLabel('主讲（角色或机构）', 'Run by (a role or organization)'),
      admin: { description: localizedLabel('写角色或机构，例如「班主任」「县妇联」，不写个人姓名。', 'A role or organization, never a person.') },
    },
    { name: 'hours', type: 'number', label: localizedLabel('学时', 'Hours'), validate: validateSessionHours },
    {
      name: 'headCount',
      type: 'number',
      label: localizedLabel('到场人数', 'Head count'),
      min: sessionHeadCountRange.min,
      max: sessionHeadCountRange.max,
      validate: validateHeadCount,
      // Only the organization's org-admin (and admins) record or see it; it never reaches the public export.
      access: { read: ownOrganizationField, create: ownOrganizationField, update: ownOrganizationField },
      admin: {
        step: 1,
        description: localizedLabel(
          '活动结束后由老师填写：来了多少位家长（只记人数，不记姓名）。保存后在下面的“出勤统计”里汇总。',
          'Filled in by the teacher after the session: how many came, never names.',
        ),
      },
    },
  ],
}
