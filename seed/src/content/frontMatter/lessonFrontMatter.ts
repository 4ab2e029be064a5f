import { audiences, categories, codesOf, contentLimits, grades } from '@gongyu/contract'
import { z } from 'zod'
import { code, frontMatterObject, integer, lessonOrder, list, slug, text, textList } from './fieldSchemas.ts'

/** A lesson's front matter (`content/lessons/<grade>/<slug>.md`); the CMS's limits, plus the bank's minimum lengths. */
export const lessonFrontMatter = frontMatterObject({
  title: text({ least: 4, cms: contentLimits.title }),
  grade: code(codesOf(grades)),
  sequence: lessonOrder(),
  /** One of the grade's core lessons (核心课); absent means yes, see isCoreLesson. */
  core: z.boolean({ error: '应为 true 或 false' }).optional(),
  category: code(codesOf(categories)),
  /** The first theme is the lesson's main theme. */
  themes: list(slug(), contentLimits.themes),
  audience: list(code(codesOf(audiences)), { minRows: 1, maxRows: audiences.length }),
  durationMinutes: integer(contentLimits.lesson.durationMinutes),
  summary: text({ least: 80, cms: contentLimits.lesson.summary }),
  objectives: textList(contentLimits.lesson.objectives, 4),
  reflectionQuestions: textList(contentLimits.lesson.reflectionQuestions, 6),
})

export type LessonFrontMatter = z.infer<typeof lessonFrontMatter>

/**
 * Whether a starter lesson is one of its grade's core lessons (核心课): the
 * bank's 20 lessons a grade are the 20 regional plans ask for, so a lesson is
 * core unless its front matter says `core: false`. The loader and the bank lint
 * both ask here, so they cannot disagree.
 */
export function isCoreLesson(data: { core?: unknown }): boolean {
  return data.core !== false
}
