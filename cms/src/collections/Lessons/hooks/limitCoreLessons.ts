import { contentLimits, gradeByCode } from '@gongyu/contract'
import { type CollectionBeforeValidateHook, ValidationError, type Where } from 'payload'
import { localizedLabel } from '../../../i18n/localizedLabel'
import type { Lesson } from '../../../payload-types'

export const coreLabel = localizedLabel('核心课（本年级20课之一）', 'Core lesson (one of the grade’s 20)')

/**
 * Refuses a save that would publish a core lesson (核心课) into a grade that
 * already has `contentLimits.coreLessonsPerGrade` published ones, with a
 * Chinese message at the 核心课 field naming the grade and its count. Only the
 * published set counts: editors may mark drafts freely (next term's plan can
 * be prepared while this term's 20 stay published), and the check runs again
 * when such a draft is published. It runs before anything is written, so a
 * refused save changes nothing. SQLite saves one transaction at a time, so two
 * publishes cannot both pass; on MongoDB two at the same instant could.
 */
export const limitCoreLessons: CollectionBeforeValidateHook<Lesson> = async ({ data, originalDoc, req }) => {
  // A partial update (a PATCH of one field) carries only what changed; the rest is the stored document.
  const merged = { ...(originalDoc ?? {}), ...(data ?? {}) } as Partial<Lesson>
  // A draft save has `_status: 'draft'` by now (Payload sets it before these hooks), so only publishing saves go on.
  if (merged.core !== true || merged._status !== 'published' || typeof merged.grade !== 'string') return data
  const conditions: Where[] = [{ grade: { equals: merged.grade } }, { core: { equals: true } }, { _status: { equals: 'published' } }]
  if (originalDoc?.id !== undefined) conditions.push({ id: { not_equals: originalDoc.id } })
  // Without `draft: true` this reads each lesson's published version, not a newer draft of it.
  const { totalDocs } = await req.payload.count({ collection: 'lessons', where: { and: conditions }, overrideAccess: true, req })
  const limit = contentLimits.coreLessonsPerGrade
  if (totalDocs < limit) return data
  const grade = gradeByCode(merged.grade)?.label ?? merged.grade
  throw new ValidationError(
    {
      collection: 'lessons',
      req,
      errors: [
        {
          path: 'core',
          label: coreLabel,
          message: `${grade}已有 ${totalDocs} 节核心课（每个年级最多 ${limit} 节）。请先取消另一节的核心标记。`,
        },
      ],
    },
    req.t,
  )
}
