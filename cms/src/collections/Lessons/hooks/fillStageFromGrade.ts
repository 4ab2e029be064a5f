import type { CollectionBeforeValidateHook } from 'payload'
import { gradeByCode } from '@gongyu/search/vocabulary'

/** Keeps a lesson's stage in step with its grade, so the two can never disagree. */
export const fillStageFromGrade: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  const grade = data?.grade ?? (originalDoc as { grade?: string } | undefined)?.grade
  const stage = typeof grade === 'string' ? gradeByCode(grade)?.stage : undefined
  if (data && stage) data.stage = stage
  return data
}
