/** GB 2312's byte pairs (levels 1 and 2), decoded in one call: a browser knows gb18030, of which GB 2312 is a part. */
function decodedGb2312(): string {
  const pairs = new Uint8Array((0xf7 - 0xb0 + 1) * (0xfe - 0xa1 + 1) * 2)
  let at = 0
  for (let row = 0xb0; row <= 0xf7; row += 1) {
    for (let cell = 0xa1; cell <= 0xfe; cell += 1) {
      pairs[at++] = row
      pairs[at++] = cell
    }
  }
  return new TextDecoder('gb18030').decode(pairs)
}

/** Every Han character of GB 2312 (levels 1 and 2: the 6,763 characters of everyday Simplified text), in code order. */
export function gb2312Characters(): string[] {
  return [...decodedGb2312()].filter((character) => /^\p{Script=Han}$/u.test(character))
}

// GB 2312's Han characters all lie in CJK Unified Ideographs (U+4E00–U+9FFF), every one of which is Han:
// a flag per code point there, filled without a regular expression, keeps the check cheap on a slow phone.
const UNIFIED_START = 0x4e00
const UNIFIED_END = 0x9fff
const HAN = /^\p{Script=Han}$/u
let everydayUnified: Uint8Array | undefined

function everydayUnifiedFlags(): Uint8Array {
  if (!everydayUnified) {
    const flags = new Uint8Array(UNIFIED_END - UNIFIED_START + 1)
    try {
      const decoded = decodedGb2312()
      // By code unit: a character outside the Basic Multilingual Plane is not in the range either way.
      for (let at = 0; at < decoded.length; at += 1) {
        const code = decoded.charCodeAt(at)
        if (code >= UNIFIED_START && code <= UNIFIED_END) flags[code - UNIFIED_START] = 1
      }
    } catch (error) {
      // A browser without gb18030 in TextDecoder: no Han character counts as everyday, and Traditional tables load for all text.
      if (!(error instanceof RangeError)) throw error
    }
    everydayUnified = flags
  }
  return everydayUnified
}

/**
 * Whether a character is an everyday one: not Han at all, or one of GB
 * 2312's Han characters. Text made of them converts to Simplified with
 * small dictionaries (everydayDictionaries.ts).
 */
export function isEverydayCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0
  // No Han character comes before U+2E80 (CJK Radicals Supplement).
  if (code < 0x2e80) return true
  if (code >= UNIFIED_START && code <= UNIFIED_END) return everydayUnifiedFlags()[code - UNIFIED_START] === 1
  return !HAN.test(character)
}
