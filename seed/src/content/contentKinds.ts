import type { ContentTypeCode } from '@gongyu/contract'
import type { z } from 'zod'
import { activityPlanFrontMatter } from './frontMatter/activityPlanFrontMatter.ts'
import { caseStudyFrontMatter } from './frontMatter/caseStudyFrontMatter.ts'
import { courseListFrontMatter } from './frontMatter/courseListFrontMatter.ts'
import { eventFrontMatter } from './frontMatter/eventFrontMatter.ts'
import { lessonFrontMatter } from './frontMatter/lessonFrontMatter.ts'
import { lessonPlanFrontMatter } from './frontMatter/lessonPlanFrontMatter.ts'
import { microLessonFrontMatter } from './frontMatter/microLessonFrontMatter.ts'
import { organizationFrontMatter } from './frontMatter/organizationFrontMatter.ts'

/** Where one kind of starter content lives and what its front matter must hold. */
export interface ContentKindEntry {
  /** Its folder under `seed/content/`. */
  folder: string
  frontMatter: z.ZodType<Record<string, unknown>>
}

/**
 * The kinds of starter content: every public content type of the contract,
 * plus organizations and their course lists. Adding a content type to the
 * contract fails the seed's type check until it has a line here.
 */
export const contentKinds = {
  lesson: { folder: 'lessons', frontMatter: lessonFrontMatter },
  'micro-lesson': { folder: 'micro-lessons', frontMatter: microLessonFrontMatter },
  'case-study': { folder: 'case-studies', frontMatter: caseStudyFrontMatter },
  'lesson-plan': { folder: 'lesson-plans', frontMatter: lessonPlanFrontMatter },
  'activity-plan': { folder: 'activity-plans', frontMatter: activityPlanFrontMatter },
  event: { folder: 'events', frontMatter: eventFrontMatter },
  organization: { folder: 'organizations', frontMatter: organizationFrontMatter },
  'course-list': { folder: 'course-lists', frontMatter: courseListFrontMatter },
} as const satisfies Record<ContentTypeCode | 'organization' | 'course-list', ContentKindEntry>

export type ContentKind = keyof typeof contentKinds

/** The front matter of each kind, as its schema reads it. */
export type FrontMatterOf<Kind extends ContentKind> = z.infer<(typeof contentKinds)[Kind]['frontMatter']>

/**
 * An item's front matter, typed by its kind's schema. Throws a ZodError when
 * it does not match, so callers run the content lint first.
 */
export function frontMatterOf<Kind extends ContentKind>(kind: Kind, data: Record<string, unknown>): FrontMatterOf<Kind> {
  // TypeScript cannot tie the schema picked by `kind` to its output type; the registry ties them.
  return contentKinds[kind].frontMatter.parse(data) as FrontMatterOf<Kind>
}
