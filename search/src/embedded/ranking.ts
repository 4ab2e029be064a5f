import type { SearchDocument } from '../engine/searchResponse.ts'
import type { QueryPlan } from './planQuery.ts'

// Shared by the embedded engine and the browser's sharded one (sharded/ShardedSearch.ts), so both rank alike.
/** How much more an item counts when it is for a grade, stage or type the query names. */
const GRADE_BOOST = 2
const STAGE_BOOST = 1.3
/** Results scoring under this share of the best one matched only common words (孩子, 家长) and are dropped. */
export const STRAGGLER_SHARE = 0.1

const TYPE_BOOST = 3

/** Ranks items higher when they are for a grade, stage or type the query names. */
export function mentionBoost(document: SearchDocument, plan: QueryPlan): number {
  let boost = 1
  if (plan.grades.some((grade) => document.grades.includes(grade))) boost *= GRADE_BOOST
  else if (plan.stages.some((stage) => document.stages.includes(stage))) boost *= STAGE_BOOST
  if (plan.types.includes(document.type)) boost *= TYPE_BOOST
  return boost
}
