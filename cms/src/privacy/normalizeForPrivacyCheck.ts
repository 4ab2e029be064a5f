/** Text folded for the personal-information check, with a map back to the original. */
export interface NormalizedText {
  text: string
  /** `origin[i]` is the index in the original string of normalized character `i`; one extra entry holds the original length. */
  origin: number[]
}

// Invisible characters that are not format characters (Cf) but render as nothing: CGJ, Hangul fillers, variation selectors.
const INVISIBLE = /\u034f|\u115f|\u1160|\u3164|\uffa0|[\ufe00-\ufe0f]/u
const FORMAT = /\p{Cf}/u
const DECIMAL_DIGIT = /\p{Nd}/u
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u
const WHITESPACE = /\s/u

/** What leakers put between the digits of a number: spaces, dots, dashes, slashes. */
export const DIGIT_SEPARATOR = '[\\s.\\-_/~·・‐‑‒–—―−]'

// Chinese numerals as digits, including the financial forms and 幺 (1) and 两 (2) as said aloud in phone numbers.
const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  '○': '0',
  洞: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  两: '2',
  贰: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
}
// 洞 (0 in radio speech) and 伍/陆 (also surnames) count only inside a run that already has other numerals.
const DIGIT_RUN = new RegExp(`[0-9${Object.keys(CHINESE_DIGITS).join('')}](?:${DIGIT_SEPARATOR}{0,3}[0-9${Object.keys(CHINESE_DIGITS).join('')}])*`, 'gu')
/** A run this long of digits and Chinese numerals is read as a number (phone, ID, QQ), not as words like 三三两两. */
const MIN_NUMERAL_RUN = 5

/** The ASCII value of any Unicode decimal digit (Arabic-Indic, Devanagari, full-width…): digits come in runs of ten from zero. */
function asciiDigit(codePoint: number): string {
  let zero = codePoint
  while (zero > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1)) && codePoint - zero < 9) zero -= 1
  // A run longer than ten (the mathematical digits) restarts at every ten code points.
  let start = zero
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1
  return String((codePoint - start) % 10)
}

/**
 * Folds text so that disguised numbers and names look like plain ones:
 * NFKC per character (full-width forms, circled digits), every decimal digit
 * to ASCII, Chinese numerals inside number-length runs to digits, format
 * characters (zero-width, soft hyphen, bidi controls) dropped, and spaces
 * between two Han characters removed (刘 洋 → 刘洋). Separators between
 * digits are kept; the detectors read number groups across them.
 */
export function normalizeForPrivacyCheck(original: string): NormalizedText {
  const out: string[] = []
  const origin: number[] = []
  let index = 0
  for (const character of original) {
    const code = character.codePointAt(0) ?? 0
    // Fast path: printable ASCII other than digits, and CJK ideographs, are already in normal form.
    if ((code >= 0x20 && code < 0x7f && (code < 0x30 || code > 0x39)) || (code >= 0x4e00 && code <= 0x9fff)) {
      out.push(character)
      origin.push(index)
      index += character.length
      continue
    }
    if (!FORMAT.test(character) && !INVISIBLE.test(character)) {
      for (const folded of character.normalize('NFKC')) {
        const codePoint = folded.codePointAt(0) ?? 0
        const asText = DECIMAL_DIGIT.test(folded) ? asciiDigit(codePoint) : folded
        for (const unit of asText) {
          out.push(unit)
          origin.push(index)
        }
      }
    }
    index += character.length
  }
  origin.push(original.length)
  return removeSpacesBetweenHan(foldChineseNumerals({ text: out.join(''), origin }))
}

function foldChineseNumerals(input: NormalizedText): NormalizedText {
  const text = input.text.replace(DIGIT_RUN, (run) => {
    const numerals = [...run].filter((character) => /[0-9]/.test(character) || character in CHINESE_DIGITS).length
    if (numerals < MIN_NUMERAL_RUN) return run
    return [...run].map((character) => CHINESE_DIGITS[character] ?? character).join('')
  })
  // Every replacement is one character for one, so the origin map is unchanged.
  return { text, origin: input.origin }
}

function removeSpacesBetweenHan(input: NormalizedText): NormalizedText {
  const characters = [...input.text]
  // Built as arrays: reading the last character of a growing string would flatten it each time (quadratic).
  const out: string[] = []
  const origin: number[] = []
  let previous = ''
  let position = 0
  for (let i = 0; i < characters.length; i += 1) {
    const character = characters[i] ?? ''
    if (WHITESPACE.test(character) && HAN.test(previous)) {
      let next = i
      while (next < characters.length && WHITESPACE.test(characters[next] ?? '')) next += 1
      if (next - i <= 2 && HAN.test(characters[next] ?? '')) {
        for (let skip = i; skip < next; skip += 1) position += (characters[skip] ?? '').length
        i = next - 1
        continue
      }
    }
    for (let unit = 0; unit < character.length; unit += 1) {
      out.push(character[unit] ?? '')
      origin.push(input.origin[position + unit] ?? 0)
    }
    previous = character
    position += character.length
  }
  origin.push(input.origin[input.origin.length - 1] ?? 0)
  return { text: out.join(''), origin }
}
