import { codesOf, contentLimits, grades } from '@gongyu/contract'
import { z } from 'zod'
import { code, frontMatterObject, integer, list, slug, text } from './fieldSchemas.ts'

/** A micro-lesson's front matter (`content/micro-lessons/<slug>.md`); the body is its transcript. */
export const microLessonFrontMatter = frontMatterObject({
  title: text({ least: 4, cms: contentLimits.title }),
  lesson: slug(),
  grades: list(code(codesOf(grades)), { minRows: 1, maxRows: 3 }),
  themes: list(slug(), contentLimits.themes),
  durationSeconds: integer(contentLimits.microLesson.durationSeconds),
  /** An organization or a role, never a person's name; the CMS refuses invented names on save. */
  presenter: text({ least: 3, most: 30 }),
  /** `generated` on the few items that get a sample video rendered when seeding. */
  video: z.literal('generated', { error: '只能是 generated（种子数据生成示例视频）' }).optional(),
})

export type MicroLessonFrontMatter = z.infer<typeof microLessonFrontMatter>
