import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import type { Event } from '../../../payload-types'
import { scheduleProblems } from '../scheduleProblems'

/**
 * Refuses an event whose end is not after its start, that is marked held
 * before it ended or without its replay, or whose live link is not https.
 * Checks the merged document, so a partial update cannot slip past it, and
 * throws before anything is written.
 */
export const checkEventSchedule: CollectionBeforeValidateHook<Event> = ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...(data ?? {}) }
  const problems = scheduleProblems(merged, new Date())
  if (problems.length > 0) throw new ValidationError({ collection: 'events', errors: problems }, req.t)
  return data
}
