import { z } from 'zod'
import { frontMatterObject, list, slug, text } from './fieldSchemas.ts'

const listEntry = frontMatterObject({
  lesson: slug().optional(),
  microLesson: slug().optional(),
  date: z.iso.date({ error: '应为日期，例如 2026-09-12' }).optional(),
  note: text().optional(),
}).superRefine((entry, ctx) => {
  if ((entry.lesson === undefined) === (entry.microLesson === undefined)) {
    ctx.addIssue({ code: 'custom', message: '每项需要 lesson 或 microLesson 之一' })
  }
})

/** A course list's front matter (`content/course-lists/<slug>.md`); the body is its description. */
export const courseListFrontMatter = frontMatterObject({
  title: text({ least: 4, most: 40 }),
  /** The slug of the organization that curates it. */
  organization: slug(),
  items: list(listEntry, { minRows: 1, maxRows: 40 }),
})

export type CourseListFrontMatter = z.infer<typeof courseListFrontMatter>
