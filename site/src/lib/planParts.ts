import type { PublicRecord, PublicSection } from '@gongyu/contract'

/** The section key of a lesson plan's parents' handout (家长学习单). */
export const HANDOUT_KEY = 'handout'

/** A lesson plan's parts in print order: the teacher's parts, then the parents' handout on its own sheet. */
export interface PlanParts {
  teacher: PublicSection[]
  handout: PublicSection | undefined
}

/**
 * Splits a plan so that the handout comes last: it starts a new sheet when
 * printed, and everything after it (such as the teacher-only 效果评估)
 * would otherwise land on the parents' sheet (issue 14).
 */
export function planParts(record: Pick<PublicRecord, 'sections'>): PlanParts {
  const filled = record.sections.filter((section) => section.html.trim() !== '')
  return {
    teacher: filled.filter((section) => section.key !== HANDOUT_KEY),
    handout: filled.find((section) => section.key === HANDOUT_KEY),
  }
}

/**
 * The absolute address a plan's handout sends parents to (its QR code):
 * the page of the lesson it teaches, or the plan's own page if that lesson
 * is not published.
 */
export function handoutAddress(record: Pick<PublicRecord, 'url'>, lessons: readonly Pick<PublicRecord, 'url'>[], site: URL | string): string {
  return new URL(lessons[0]?.url ?? record.url, site).toString()
}
