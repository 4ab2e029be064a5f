import { mentionedGradesAndStages, mentionedTypes } from '../text/gradeMentions.ts'
import { normalizeText } from '../text/normalize.ts'
import type { ContentTypeCode, GradeCode, StageCode } from '@gongyu/contract'
import type { PinyinLookup } from '../text/pinyinTable.ts'
import { synonymGroups } from '../text/synonyms.ts'
import { hanBigrams, hanRuns, segmentWords } from '../text/tokenize.ts'

/** The bank's own words by pinyin spelling, for typed pinyin and homophone typos. */
export interface SpellingIndex {
  /** Known two-character words spelled this way (goutong → 沟通). */
  bigramsOf(spelling: string): string[]
  /** Whether the bank uses this two-character chunk anywhere it indexed spellings. */
  isKnown(bigram: string): boolean
  /** The longest spelling in the index, to bound splitting of run-together pinyin. */
  readonly longestSpelling: number
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
}

/** How much a term found by each route counts, next to a word typed as is (1). */
export const termWeights = { typed: 1, word: 1.2, typo: 0.6, pinyin: 0.9, synonym: 0.5 } as const
const CORRECTIONS_PER_CHUNK = 3
const LATIN_OR_DIGIT_RUN = /[a-z0-9]+/g
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

  build(text: string): QueryPlan {
    return {
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

/**
 * Turns what a parent typed into weighted search terms: two-character
 * chunks and longer words of the Simplified text, words the bank uses for
 * the same pinyin when a chunk is unknown (a homophone typo), synonyms,
 * and typed pinyin or initials.
 */
export function planQuery(text: string, spellings: SpellingIndex, pinyinLookup: PinyinLookup): QueryPlan {
  const normalized = normalizeText(text)
  const plan = new PlanBuilder()
  for (const run of hanRuns(normalized)) {
    plan.addHanText(run, termWeights.typed)
    for (const bigram of hanBigrams(run)) {
      if ([...bigram].length < 2 || spellings.isKnown(bigram)) continue
      // An unknown chunk is corrected only to known words with exactly the same pinyin, at a lower weight.
      const corrections = pinyinLookup.spellingsOf(bigram).flatMap((spelling) => spellings.bigramsOf(spelling))
      for (const correction of corrections.filter((candidate) => candidate !== bigram).slice(0, CORRECTIONS_PER_CHUNK)) {
        plan.add(correction, termWeights.typo)
      }
    }
  }
  // Synonyms of what was typed, and of what a typo was corrected to (判逆 → 叛逆 → 逆反).
  const corrected = [...plan.weights.keys()].filter((term) => !normalized.includes(term))
  const mentions = (word: string) => normalized.includes(word) || corrected.includes(word)
  for (const group of synonymGroups) {
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
    for (const spelling of splitSpellings(run, spellings)) {
      for (const bigram of spellings.bigramsOf(spelling).slice(0, CORRECTIONS_PER_CHUNK)) plan.add(bigram, termWeights.pinyin)
    }
  }
  return plan.build(normalized)
}
