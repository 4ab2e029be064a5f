import { normalizeText } from './normalize.ts'

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
const HAN_RUN = /\p{Script=Han}+/gu
const LATIN_OR_DIGIT_RUN = /[a-z0-9]+/g

/** Words as ICU segments them, keeping only word-like pieces. */
export function segmentWords(normalized: string): string[] {
  return [...segmenter.segment(normalized)].filter((piece) => piece.isWordLike).map((piece) => piece.segment)
}

/** The runs of Han characters in a text (already normalized). */
export function hanRuns(normalized: string): string[] {
  return normalized.match(HAN_RUN) ?? []
}

/**
 * Overlapping two-character chunks of a run of Han characters. They make
 * matching independent of where ICU puts word boundaries (which differs
 * between Node and browsers), and let 焦虑 find 考试焦虑.
 */
export function hanBigrams(run: string): string[] {
  const characters = [...run]
  if (characters.length < 2) return characters
  const bigrams: string[] = []
  for (let index = 0; index < characters.length - 1; index += 1) bigrams.push(`${characters[index]}${characters[index + 1]}`)
  return bigrams
}

/**
 * The search terms of a text: each ICU word, every Han bigram, and every
 * Latin or digit run, after normalization. Duplicates are kept once.
 */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text)
  const terms = new Set<string>()
  for (const word of segmentWords(normalized)) terms.add(word)
  for (const run of hanRuns(normalized)) for (const bigram of hanBigrams(run)) terms.add(bigram)
  for (const run of normalized.match(LATIN_OR_DIGIT_RUN) ?? []) terms.add(run)
  return [...terms]
}

/**
 * Builds what the first query's text processing needs (the everyday
 * conversion tries, ICU's Chinese word breaker) ahead of it, at a moment
 * when the thread would only wait: the browser's engine does this while
 * its manifest downloads, so the first query asks for its parts sooner.
 */
export function warmUpTokenizer(): void {
  segmentWords(normalizeText('孩子玩手机'))
}
