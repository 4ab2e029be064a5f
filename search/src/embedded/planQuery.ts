import { mentionedGradesAndStages, mentionedTypes, withoutTypeWords } from '../text/gradeMentions.ts'
import { withoutGradeNames } from '../query/namedGrades.ts'
import { normalizeText } from '../text/normalize.ts'
import type { ContentTypeCode, GradeCode, StageCode } from '@gongyu/contract'
import type { PinyinLookup } from '../text/pinyinTable.ts'
import { allSynonymGroups } from '../text/synonyms.ts'
import { hanBigrams, hanRuns, segmentWords } from '../text/tokenize.ts'

/** The bank's own words by pinyin spelling, for typed pinyin and homophone typos. */
export interface SpellingIndex {
  /** Known two-character words spelled this way (goutong → 沟通). */
  bigramsOf(spelling: string): string[]
  /** Whether the bank uses this two-character chunk anywhere it indexed spellings. */
  isKnown(bigram: string): boolean
  /** The longest spelling in the index, to bound splitting of run-together pinyin. */
  readonly longestSpelling: number
  /** The share of indexed documents whose title, summary or themes contain this chunk (0 when none does). */
  documentShare(chunk: string): number
}

/** What to look up for a query: terms with weights, which are prefixes, and what to highlight. */
export interface QueryPlan {
  terms: string[]
  weights: Map<string, number>
  prefixTerms: Set<string>
  /** Words as they appear in text, for `<mark>`; typed pinyin is highlighted through the words it stands for. */
  highlightTerms: string[]
  /** Grades and stages the query names; items for them rank higher. */
  grades: GradeCode[]
  stages: StageCode[]
  /** Content types the query asks for (案例, 教案, 微课…); items of those types rank higher. */
  types: ContentTypeCode[]
  /**
   * What the parent meant, as text: the Simplified query with homophone typos
   * corrected (考试交虑 → 考试焦虑) and typed pinyin replaced by the bank's words
   * (zaolian → 早恋). For engines that take a text query (Meilisearch).
   */
  meantText: string
  /**
   * The meant text without grade names and type words (ranked by filter
   * instead), the bank's commonest words (孩子, 家长) and characters that no
   * chunk the bank uses covers (the 太宠 of 老人带娃太宠). For engines that
   * match words rather than weigh them (Meilisearch).
   */
  keyText: string
}

/** How much a term found by each route counts, next to a word typed as is (1). */
export const termWeights = { typed: 1, word: 1.2, typo: 0.6, pinyin: 0.9, synonym: 0.5 } as const

/** A chunk in at most this share of the bank's documents counts fully; commoner ones count less (IDF). */
const RARE_SHARE = 0.02
/** The least a chunk the bank uses everywhere (孩子, 家长, 怎么) still counts. */
const LEAST_INFORMATIVE = 0.15

/**
 * How much a chunk tells documents apart, from the share of the bank's
 * documents that use it: 1 for rare words (and for words the titles and
 * summaries never use), down to LEAST_INFORMATIVE for the commonest. It is
 * derived from the corpus, so question words and the bank's own common
 * words count little without a hand-made list.
 */
export function informativeness(share: number): number {
  if (share <= RARE_SHARE) return 1
  return Math.max(LEAST_INFORMATIVE, Math.log(1 / share) / Math.log(1 / RARE_SHARE))
}
const CORRECTIONS_PER_CHUNK = 3
const LATIN_OR_DIGIT_RUN = /[a-z0-9]+/g
const HAN_RUN = /\p{Script=Han}+/gu
const PREFIX_MIN_LENGTH = 3

class PlanBuilder {
  readonly weights = new Map<string, number>()
  readonly prefixTerms = new Set<string>()
  readonly highlightTerms = new Set<string>()

  add(term: string, weight: number, options: { prefix?: boolean; highlight?: boolean } = {}): void {
    if (!term) return
    this.weights.set(term, Math.max(weight, this.weights.get(term) ?? 0))
    if (options.prefix) this.prefixTerms.add(term)
    if (options.highlight ?? true) this.highlightTerms.add(term)
  }

  addHanText(run: string, weight: number): void {
    const bigrams = hanBigrams(run)
    for (const bigram of bigrams) this.add(bigram, weight)
    for (const word of segmentWords(run)) if ([...word].length > 2) this.add(word, weight * termWeights.word)
  }

  build(text: string, meantText: string, keyText: string): QueryPlan {
    return {
      meantText,
      keyText,
      terms: [...this.weights.keys()],
      weights: this.weights,
      prefixTerms: this.prefixTerms,
      highlightTerms: [...this.highlightTerms],
      ...mentionedGradesAndStages(text),
      types: mentionedTypes(text),
    }
  }
}

/** Splits run-together pinyin (qinzigoutong) into spellings the bank knows, longest first. */
function splitSpellings(run: string, spellings: SpellingIndex): string[] {
  const found: string[] = []
  let at = 0
  while (at < run.length) {
    let matched = ''
    for (let end = Math.min(run.length, at + spellings.longestSpelling); end > at + 1; end -= 1) {
      const candidate = run.slice(at, end)
      if (spellings.bigramsOf(candidate).length > 0) {
        matched = candidate
        break
      }
    }
    if (matched) {
      found.push(matched)
      at += matched.length
    } else {
      at += 1
    }
  }
  return found
}

/** A chunk in more than this share of the bank's documents is too common to search for by itself (孩子, 家长). */
const COMMON_SHARE = 0.3

/** The meant text reduced to what an engine that matches words should look for (see `QueryPlan.keyText`). */
function keyTextOf(meantText: string, spellings: SpellingIndex): string {
  const text = withoutTypeWords(withoutGradeNames(meantText))
  const telling = (chunk: string) => {
    const share = spellings.documentShare(chunk)
    return share > 0 ? share <= COMMON_SHARE : spellings.isKnown(chunk)
  }
  const reduced = text.replace(HAN_RUN, (run) => {
    const characters = [...run]
    const chunks = hanBigrams(run).map(telling)
    return characters.map((character, at) => (chunks[at - 1] || chunks[at] ? character : ' ')).join('')
  })
  const key = reduced.replace(/\s+/g, ' ').trim()
  // A query made only of common words (孩子 家长) is still searched for as it is.
  return key || text.replace(/\s+/g, ' ').trim()
}

/**
 * Turns what a parent typed into weighted search terms: two-character
 * chunks and longer words of the Simplified text, words the bank uses for
 * the same pinyin when a chunk is unknown (a homophone typo), synonyms,
 * and typed pinyin or initials. `synonyms` are the groups to expand with:
 * by default this process's (the built-in ones and, in the CMS, the ones
 * editors accepted); the browser's sharded index passes its manifest's.
 */
export function planQuery(
  text: string,
  spellings: SpellingIndex,
  pinyinLookup: PinyinLookup,
  synonyms: readonly (readonly string[])[] = allSynonymGroups(),
): QueryPlan {
  const normalized = normalizeText(text)
  const plan = new PlanBuilder()
  let meantText = normalized
  for (const run of hanRuns(normalized)) {
    plan.addHanText(run, termWeights.typed)
    const meant = [...run]
    const fixed = new Array<boolean>(meant.length).fill(false)
    // A character inside a chunk the bank uses is not a typo (天天哭 is 天天 + 哭, not a misspelt 天哭).
    const known = hanBigrams(run).map((bigram) => spellings.isKnown(bigram))
    const inKnownChunk = (at: number) => Boolean(known[at - 1] || known[at])
    hanBigrams(run).forEach((bigram, at) => {
      if ([...bigram].length < 2 || spellings.isKnown(bigram)) return
      // An unknown chunk is corrected only to known words with exactly the same pinyin, at a lower weight.
      const corrections = pinyinLookup
        .spellingsOf(bigram)
        .flatMap((spelling) => spellings.bigramsOf(spelling))
        .filter((candidate) => candidate !== bigram)
      for (const correction of corrections.slice(0, CORRECTIONS_PER_CHUNK)) plan.add(correction, termWeights.typo)
      const [first, second] = [...(corrections[0] ?? '')]
      // The meant text takes the first correction, unless an earlier chunk already fixed the shared character differently (小生初 → 小升初).
      if (first && second && !inKnownChunk(at) && !inKnownChunk(at + 1) && (!fixed[at] || meant[at] === first)) {
        ;[meant[at], meant[at + 1], fixed[at], fixed[at + 1]] = [first, second, true, true]
      }
    })
    meantText = meantText.replace(run, meant.join(''))
  }
  // Synonyms of what was typed, and of what a typo was corrected to (判逆 → 叛逆 → 逆反).
  const corrected = [...plan.weights.keys()].filter((term) => !normalized.includes(term))
  const mentions = (word: string) => normalized.includes(word) || corrected.includes(word)
  for (const group of synonyms) {
    if (!group.some(mentions)) continue
    for (const word of group) {
      if (mentions(word)) continue
      if (/^[a-z0-9]+$/.test(word)) plan.add(word, termWeights.synonym)
      else plan.addHanText(word, termWeights.synonym)
    }
  }
  for (const run of normalized.match(LATIN_OR_DIGIT_RUN) ?? []) {
    if (run.length < 2 && !/^\d$/.test(run)) continue
    plan.add(run, termWeights.typed, { prefix: run.length >= PREFIX_MIN_LENGTH && /^[a-z]+$/.test(run) })
    const spelled = splitSpellings(run, spellings)
    for (const spelling of spelled) {
      for (const bigram of spellings.bigramsOf(spelling).slice(0, CORRECTIONS_PER_CHUNK)) plan.add(bigram, termWeights.pinyin)
    }
    // Pinyin that spells the bank's words through and through is meant as those words; anything else (initials) stays as typed.
    if (spelled.join('') === run) meantText = meantText.replace(run, spelled.map((spelling) => spellings.bigramsOf(spelling)[0]).join(''))
  }
  for (const [term, weight] of plan.weights) plan.weights.set(term, weight * informativeness(spellings.documentShare(term)))
  return plan.build(normalized, meantText, keyTextOf(meantText, spellings))
}
