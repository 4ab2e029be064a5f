import { createHmac, randomInt } from 'node:crypto'

// No 0/O, 1/I/L, 2/Z, 5/S or 8/B: a parent types the code from paper.
const ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY'
const CODE_LENGTH = 8

/** A random printed code, e.g. 7KQ4-MX9C (about 37 bits: guessing one of a few hundred codes takes millions of tries). */
export function newOneTimeCode(): string {
  let code = ''
  for (let index = 0; index < CODE_LENGTH; index += 1) code += ALPHABET[randomInt(ALPHABET.length)]
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/** The code as typed, in its printed form: case, spaces, dashes and full-width letters do not matter. */
export function normalizeOneTimeCode(input: string): string {
  const plain = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑–—_]/g, '')
  return plain.length === CODE_LENGTH ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain
}

/**
 * What an answer keeps of its code: a keyed hash, so that the answers' unique
 * index refuses a second use while nobody who reads the database and the
 * printed list can tell which code (and so which sheet) an answer came from.
 */
export function codeKeyOf(secret: string, survey: string | number, code: string): string {
  return createHmac('sha256', secret).update(`survey-code:${survey}:${code}`).digest('hex')
}
