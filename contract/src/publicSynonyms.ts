import { z } from 'zod'
import { needSignalLimits } from './needSignals.ts'

/**
 * Limits of the synonyms editors accept in the needs report (issue 17): what a
 * content task may hold and what the public export may carry. A synonym widens
 * every parent's search and travels in the browser index's first part, so each
 * is short and the list is bounded.
 */
export const synonymLimits = {
  /** A parent's query is as long as a needs signal's may be. */
  queryLength: needSignalLimits.query.maxLength,
  wordLength: 20,
  wordsPerGroup: 12,
  /** Groups in one export: far more than editors accept, small enough for the manifest every search loads. */
  groups: 500,
} as const

// Letters (Han included), digits and combining marks only: no markup, no control or invisible format characters, no `__proto__`.
const WORD = /^[\p{L}\p{N}\p{M}]+$/u
const QUERY = /^[\p{L}\p{N}\p{M}]+(?: [\p{L}\p{N}\p{M}]+)*$/u
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu

/** One accepted group: a parent's query and the words of the lesson written for it that editors accepted as its synonyms. */
export const publicSynonymGroupSchema = z.object({
  query: z.string().max(synonymLimits.queryLength).regex(QUERY),
  synonyms: z.array(z.string().max(synonymLimits.wordLength).regex(WORD)).min(1).max(synonymLimits.wordsPerGroup),
})

export type PublicSynonymGroup = z.infer<typeof publicSynonymGroupSchema>

/** The export's list of groups. */
export const publicSynonymGroupsSchema = z.array(publicSynonymGroupSchema).max(synonymLimits.groups)

/**
 * The public form of a content task's accepted synonyms (already in the
 * search's normal form): punctuation in the query becomes a space, words that
 * are not plain letters or digits, too long, repeated or the query itself are
 * left out. Undefined when nothing is left to publish.
 */
export function publicSynonymGroupOf(query: string, synonyms: readonly string[]): PublicSynonymGroup | undefined {
  const cleanQuery = query.replace(NOT_WORD, ' ').trim()
  if (cleanQuery === '' || cleanQuery.length > synonymLimits.queryLength) return undefined
  const words = [...new Set(synonyms.map((word) => word.trim()))].filter(
    (word) => word !== cleanQuery && word.length <= synonymLimits.wordLength && WORD.test(word),
  )
  if (words.length === 0) return undefined
  return { query: cleanQuery, synonyms: words.slice(0, synonymLimits.wordsPerGroup) }
}
