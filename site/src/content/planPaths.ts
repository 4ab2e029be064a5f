import { loadCatalog } from './catalog.ts'
import { type PlanPageProps, plansOf } from './catalogData.ts'

export type { PlanPageProps } from './catalogData.ts'

/**
 * The static paths of every lesson plan (or, with `handoutOnly`, of those
 * that have a parents' handout), shared by the handout page and both Word files.
 */
export async function planPaths({ handoutOnly = false } = {}): Promise<{ params: { slug: string }; props: PlanPageProps }[]> {
  return plansOf(await loadCatalog(), { handoutOnly }).map((props) => ({ params: { slug: props.record.slug }, props }))
}
