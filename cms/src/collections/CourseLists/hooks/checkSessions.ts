import { type CollectionBeforeValidateHook, ValidationError } from 'payload'
import { type SessionValue, validateHeadCount, validateSessionHours, validateStartsAt } from '../sessionField'

type FieldError = { path: string; label: string; message: string }

/**
 * Checks every item's session (start, hours, head count) on every save,
 * drafts included: Payload skips field validation for drafts, and a head
 * count is usually saved as a draft over a published list (issue 16). One
 * bad value refuses the whole save, so nothing is half-saved.
 */
export const checkSessions: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  const items = (data as { items?: { session?: SessionValue }[] | null } | undefined)?.items
  if (!Array.isArray(items)) return data
  const errors: FieldError[] = []
  items.forEach((item, index) => {
    const session = item?.session
    if (!session) return
    const place = `第 ${index + 1} 课 · 线下活动`
    const checks: [keyof NonNullable<SessionValue>, string, true | string][] = [
      ['startsAt', '开始时间', validateStartsAt(session.startsAt, { siblingData: session })],
      ['hours', '学时', validateSessionHours(session.hours)],
      ['headCount', '到场人数', validateHeadCount(session.headCount)],
    ]
    for (const [name, label, result] of checks) {
      if (result !== true) errors.push({ path: `items.${index}.session.${name}`, label: `${place} · ${label}`, message: result })
    }
  })
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors }, req.t)
  return data
}
