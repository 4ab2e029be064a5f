import type { StarterContent } from '../content/readContent.ts'
import { checkBank } from './bankRules.ts'
import { checkItem } from './itemRules.ts'
import type { ContentProblem } from './problem.ts'

/** Lints the whole starter bank: each item's fields, then the rules across items. */
export function lintStarterContent(content: StarterContent): ContentProblem[] {
  return [...content.files.flatMap(checkItem), ...checkBank(content)]
}
