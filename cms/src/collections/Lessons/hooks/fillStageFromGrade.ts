import type { CollectionBeforeValidateHook } from 'payload'
import { gradeByCode } from '@gongyu/contract'
import type { Lesson } from '../../../payload-types'

/** Keeps a lesson's stage in step with its grade, so the two can never disagree. */
export const fillStageFromGrade: CollectionBeforeValidateHook<Lesson> = ({ data, originalDoc }) => {
  const grade = data?.grade ?? originalDoc?.grade
  const stage = typeof grade === 'string' ? gradeByCode(grade)?.stage : undefined
  if (data && stage) data.stage = stage
  return data
}
