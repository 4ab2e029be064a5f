import type { PublicRecord } from '@gongyu/contract'

/** A grade's lessons as its page lists them when it has core lessons (核心课) and others. */
export interface SplitGradeLessons {
  /** The core lessons, in teaching order. */
  core: PublicRecord[]
  /** The other lessons (更多课程), in teaching order. */
  more: PublicRecord[]
  /** Each lesson's place in the whole grade's teaching order (1 = first), the number its own page gives it (第 N 课). */
  places: ReadonlyMap<string, number>
}

/**
 * Splits a grade's lessons, given in teaching order, into its core lessons and
 * the rest, for the grade page to list the core ones first. A grade whose
 * lessons are all core, or none (an export made before the mark), stays one
 * list: undefined. (The file's leading underscore keeps Astro from routing it.)
 */
export function splitCoreLessons(lessons: readonly PublicRecord[]): SplitGradeLessons | undefined {
  const core = lessons.filter((lesson) => lesson.core === true)
  const more = lessons.filter((lesson) => lesson.core !== true)
  if (core.length === 0 || more.length === 0) return undefined
  return { core, more, places: new Map(lessons.map((lesson, index) => [lesson.id, index + 1])) }
}
