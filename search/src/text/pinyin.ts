import { pinyin } from 'pinyin-pro'
import { normalizeText } from './normalize.ts'
import { hanRuns, segmentWords } from './tokenize.ts'

// Index time only: pinyin-pro is too large for the browser, which reads a pinyin table instead.
const LONGEST_INITIALS = 8

/** Toneless syllables of each character of a Han run, read in context so polyphones come out right. */
function syllablesInContext(run: string): string[] {
  return pinyin(run, { toneType: 'none', type: 'array', v: true })
}

/** Pinyin words of a text: each ICU word of two or more Han characters, spelled in full, with its initials. */
export function pinyinWordsOf(text: string): { full: string[]; initials: string[] } {
  const normalized = normalizeText(text)
  const full = new Set<string>()
  const initials = new Set<string>()
  for (const run of hanRuns(normalized)) {
    const syllables = syllablesInContext(run)
    if (syllables.length !== [...run].length) continue
    let offset = 0
    for (const word of segmentWords(run)) {
      const length = [...word].length
      const wordSyllables = syllables.slice(offset, offset + length)
      offset += length
      if (length < 2) continue
      full.add(wordSyllables.join(''))
      initials.add(wordSyllables.map((syllable) => syllable[0]).join(''))
    }
  }
  return { full: [...full], initials: [...initials] }
}

/**
 * Typed pinyin of a short text (a title, a theme name): the whole text
 * spelled out (qinzigoutong…), and its initials from every starting
 * character (qzgt… as well as zgt…), so initials typed for any phrase in
 * it match by prefix.
 */
export function wholePinyinOf(text: string): { full: string; initials: string[] } {
  const runs = hanRuns(normalizeText(text))
  const syllables = runs.flatMap(syllablesInContext)
  const initials = runs.flatMap((run) => {
    const letters = syllablesInContext(run)
      .map((syllable) => syllable[0])
      .join('')
    return [...letters].map((_, start) => letters.slice(start, start + LONGEST_INITIALS)).filter((piece) => piece.length >= 2)
  })
  return { full: syllables.join(''), initials }
}
