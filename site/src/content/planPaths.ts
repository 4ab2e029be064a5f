import type { PublicRecord } from '@gongyu/contract'
import { planParts } from '../lib/planParts.ts'
import { loadCatalog } from './catalog.ts'

/** A lesson plan with the lessons it belongs to, as the plan's pages and Word files need them. */
// A type, not an interface: Astro's static-path props must be assignable to a string-keyed record.
export type PlanPageProps = {
  record: PublicRecord
  lessons: PublicRecord[]
}

/**
 * The static paths of every lesson plan (or, with `handoutOnly`, of those
 * that have a parents' handout), shared by the handout page and both Word files.
 */
export async function planPaths({ handoutOnly = false } = {}): Promise<{ params: { slug: string }; props: PlanPageProps }[]> {
  const catalog = await loadCatalog()
  return catalog
    .ofType('lesson-plan')
    .filter((record) => !handoutOnly || planParts(record).handout !== undefined)
    .map((record) => ({ params: { slug: record.slug }, props: { record, lessons: catalog.related(record, 'lesson') } }))
}
