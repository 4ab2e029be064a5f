import { escapeHtml, type PublicRecord } from '@gongyu/contract'
import { plainTextOf } from '../../fields/plainTextOf'
import type { ActivityPlan } from '../../payload-types'
import { recordBase } from '../../publishing/recordBase'
import type { RecordLookups } from '../../publishing/recordLookups'
import { recordSections } from '../../publishing/recordSections'
import { excerpt, textsOf } from '../../publishing/recordText'
import { htmlOf, listHtml } from '../../publishing/sectionHtml'
import { stagesOf } from '../../publishing/stagesOf'

function stepsHtml(steps: ActivityPlan['steps']): string {
  if (steps.length === 0) return ''
  return `<ol>${steps.map((step) => `<li><strong>${escapeHtml(step.title)}</strong>${htmlOf(step.detail)}</li>`).join('')}</ol>`
}

/** The public record of a published activity plan (活动方案) for a festival or school milestone; undefined for a draft. */
export function activityPlanToPublicRecord(activityPlan: ActivityPlan, lookups: RecordLookups): PublicRecord | undefined {
  const base = recordBase({ type: 'activity-plan', doc: activityPlan, grades: [], themes: [] }, lookups)
  if (!base) return undefined
  const overview = plainTextOf(activityPlan.overview)
  const goals = textsOf(activityPlan.goals)
  const safetyNotes = textsOf(activityPlan.safetyNotes)
  const steps = activityPlan.steps ?? []
  return {
    ...base,
    summary: excerpt(overview),
    bodyText: [overview, ...goals, ...steps.flatMap((step) => [step.title, step.detail].filter(Boolean)), ...safetyNotes].join('\n'),
    sections: recordSections(
      ['overview', '活动概述', htmlOf(activityPlan.overview, lookups.mediaOf)],
      ['goals', '活动目标', listHtml(goals)],
      ['steps', '活动步骤', stepsHtml(steps)],
      ['materials', '材料', listHtml(textsOf(activityPlan.materials))],
      ['safety', '安全提示', listHtml(safetyNotes)],
    ),
    related: [],
    stages: stagesOf([], activityPlan.stages),
    audience: ['parents'],
    month: activityPlan.month,
    occasion: activityPlan.occasion,
  }
}
