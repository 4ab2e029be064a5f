import { z } from 'astro/zod'

// Loose objects: the contract may grow fields (captions, widgets) before the site uses them.
const section = z.object({ key: z.string(), heading: z.string(), html: z.string() })

const video = z.looseObject({
  master: z.string(),
  audio: z.string().nullable(),
  poster: z.string().nullable(),
  captions: z.string().nullable(),
  durationSeconds: z.number(),
  width: z.number(),
  height: z.number(),
  renditions: z.array(z.object({ name: z.string(), height: z.number(), bandwidth: z.number() })),
})

/** The shape of `PublicRecord` (search/src/record/publicRecord.ts) that the site relies on. */
export const recordSchema = z.looseObject({
  id: z.string(),
  type: z.enum(['lesson', 'micro-lesson', 'case-study', 'lesson-plan', 'activity-plan']),
  slug: z.string(),
  url: z.string().startsWith('/'),
  title: z.string(),
  summary: z.string(),
  bodyText: z.string(),
  stages: z.array(z.string()),
  grades: z.array(z.string()),
  gradeOrder: z.number(),
  themes: z.array(z.string()),
  themeNames: z.array(z.string()),
  audience: z.array(z.string()),
  category: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  familySituations: z.array(z.string()),
  publishedAt: z.string(),
  sequence: z.number().nullable(),
  month: z.number().nullable(),
  occasion: z.string().nullable(),
  sections: z.array(section),
  related: z.array(z.string()),
  presenter: z.string().nullable(),
  video: video.nullable(),
})

export const themeSchema = z.looseObject({ slug: z.string(), name: z.string(), description: z.string() })

export const organizationSchema = z.looseObject({
  slug: z.string(),
  name: z.string(),
  type: z.string(),
  region: z.string(),
  description: z.string(),
  allowedOrigins: z.array(z.string()),
})

export const courseListSchema = z.looseObject({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  organization: z.string(),
  items: z.array(z.object({ recordId: z.string(), date: z.string().nullable(), note: z.string() })),
  publishedAt: z.string(),
})
