import { escapeHtml, type PublicRecord } from '@gongyu/contract'
import { plainTextOf } from '../../fields/plainTextOf'
import type { LessonPlan } from '../../payload-types'
import { recordBase } from '../../publishing/recordBase'
import type { RecordLookups } from '../../publishing/recordLookups'
import { recordSections } from '../../publishing/recordSections'
import { excerpt, textsOf } from '../../publishing/recordText'
import { relatedRecordIds } from '../../publishing/relatedRecordIds'
import { htmlOf, listHtml } from '../../publishing/sectionHtml'
import { stagesOf } from '../../publishing/stagesOf'

function stepsHtml(steps: LessonPlan['steps']): string {
  if (steps.length === 0) return ''
  return `<ol>${steps
    .map((step) => {
      const minutes = typeof step.minutes === 'number' ? `（${step.minutes} 分钟）` : ''
      return `<li><strong>${escapeHtml(step.activity + minutes)}</strong>${htmlOf(`教师：${step.teacherActions}`)}${htmlOf(`家长：${step.parentActions}`)}</li>`
    })
    .join('')}</ol>`
}

/**
 * The public record of a published lesson plan (教案). A plan has no
 * themes of its own: it has those of its lesson. Undefined for a draft.
 */
export function lessonPlanToPublicRecord(lessonPlan: LessonPlan, lookups: RecordLookups): PublicRecord | undefined {
  const base = recordBase({ type: 'lesson-plan', doc: lessonPlan, grades: [lessonPlan.grade], themes: lookups.lessonThemesOf(lessonPlan.lesson) }, lookups)
  if (!base) return undefined
  const objectives = textsOf(lessonPlan.objectives)
  const steps = lessonPlan.steps ?? []
  return {
    ...base,
    summary: excerpt(objectives.join('；')),
    bodyText: [
      lessonPlan.preparation,
      ...steps.flatMap((step) => [step.activity, step.teacherActions, step.parentActions].filter(Boolean)),
      plainTextOf(lessonPlan.handoutContent),
      lessonPlan.evaluation,
    ].join('\n'),
    sections: recordSections(
      ['objectives', '活动目标', listHtml(objectives)],
      ['preparation', '课前准备', htmlOf(lessonPlan.preparation)],
      ['materials', '材料', listHtml(textsOf(lessonPlan.materials))],
      ['steps', '活动流程', stepsHtml(steps)],
      ['handout', '家长学习单', htmlOf(lessonPlan.handoutContent, lookups.mediaOf)],
      ['evaluation', '效果评估', htmlOf(lessonPlan.evaluation)],
    ),
    related: relatedRecordIds(lookups, ['lessons', lessonPlan.lesson]),
    stages: stagesOf([lessonPlan.grade]),
    audience: ['teachers'],
    durationMinutes: lessonPlan.durationMinutes,
  }
}
