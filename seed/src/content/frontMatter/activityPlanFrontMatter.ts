import { codesOf, contentLimits, occasions, stages } from '@gongyu/contract'
import type { z } from 'zod'
import { code, frontMatterObject, integer, list, text, textList } from './fieldSchemas.ts'

const activityStep = frontMatterObject({ title: text(), detail: text() })

/** An activity plan's front matter (`content/activity-plans/<slug>.md`); the body is its overview. */
export const activityPlanFrontMatter = frontMatterObject({
  title: text({ least: 4, cms: contentLimits.title }),
  occasion: code(codesOf(occasions)),
  month: integer(contentLimits.activityPlan.month),
  stages: list(code(codesOf(stages)), { minRows: 1, maxRows: stages.length }),
  goals: textList(contentLimits.activityPlan.goals, 4),
  materials: textList(contentLimits.activityPlan.materials, 2),
  safetyNotes: textList(contentLimits.activityPlan.safetyNotes, 6),
  steps: list(activityStep, contentLimits.activityPlan.steps),
})

export type ActivityPlanFrontMatter = z.infer<typeof activityPlanFrontMatter>
