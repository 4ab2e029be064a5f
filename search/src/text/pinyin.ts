import { pinyin } from 'pinyin-pro'
import { normalizeText } from './normalize.ts'
import { segmentWords } from './tokenize.ts'

const HAN_WORD = /^\p{Script=Han}+$/u

/** Toneless pinyin syllables of a Han word: 沟通 → ['gou', 'tong']. Index time only (pinyin-pro is large). */
export function syllablesOf(word: string): string[] {
  return pinyin(word, { toneType: 'none', type: 'array', v: true })
}

/**
 * Pinyin terms of a text, for matching typed pinyin and homophone typos:
 * each Han word as full pinyin (qinzi, goutong) and as initials (qz, gt),
 * plus the initials of the whole text (qzgt) for short titles and names.
 */
export function pinyinTerms(text: string): { full: string[]; initials: string[] } {
  const words = segmentWords(normalizeText(text)).filter((word) => HAN_WORD.test(word))
  const full = new Set<string>()
  const initials = new Set<string>()
  for (const word of words) {
    const syllables = syllablesOf(word)
    full.add(syllables.join(''))
    if (syllables.length > 1) initials.add(syllables.map((syllable) => syllable[0]).join(''))
  }
  const whole = words.flatMap((word) => syllablesOf(word).map((syllable) => syllable[0])).join('')
  if (whole.length > 1 && whole.length <= 12) initials.add(whole)
  return { full: [...full], initials: [...initials] }
}
