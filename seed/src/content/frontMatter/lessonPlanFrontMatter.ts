import { codesOf, contentLimits, grades } from '@gongyu/contract'
import type { z } from 'zod'
import { code, frontMatterObject, integer, list, slug, text, textList } from './fieldSchemas.ts'

const timedStep = frontMatterObject({
  minutes: integer(contentLimits.lessonPlan.stepMinutes),
  activity: text(),
  /** What the teacher does and says. */
  teacher: text(),
  /** What the parents do. */
  parents: text(),
})

/** A lesson plan's front matter (`content/lesson-plans/<slug>.md`); its steps add up to its duration. */
export const lessonPlanFrontMatter = frontMatterObject({
  title: text({ least: 4, cms: contentLimits.title }),
  /** The slug of the lesson it serves. */
  lesson: slug(),
  grade: code(codesOf(grades)),
  durationMinutes: integer(contentLimits.lessonPlan.durationMinutes),
  objectives: textList(contentLimits.lessonPlan.objectives, 4),
  preparation: text({ least: 20 }),
  materials: textList(contentLimits.lessonPlan.materials, 2),
  steps: list(timedStep, contentLimits.lessonPlan.steps),
  evaluation: text({ least: 30 }),
}).superRefine((plan, ctx) => {
  const minutes = plan.steps.reduce((sum, step) => sum + step.minutes, 0)
  if (minutes !== plan.durationMinutes) {
    ctx.addIssue({ code: 'custom', path: ['steps'], message: `各环节共 ${minutes} 分钟，与 durationMinutes ${plan.durationMinutes} 不符` })
  }
})

export type LessonPlanFrontMatter = z.infer<typeof lessonPlanFrontMatter>
