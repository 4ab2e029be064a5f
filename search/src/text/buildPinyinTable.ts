import { pinyin } from 'pinyin-pro'

/** Every character of GB 2312 (levels 1 and 2: the 6,763 characters of everyday Simplified text). */
function gb2312Characters(): string[] {
  const decoder = new TextDecoder('gb18030')
  const characters: string[] = []
  for (let row = 0xb0; row <= 0xf7; row += 1) {
    for (let cell = 0xa1; cell <= 0xfe; cell += 1) {
      const character = decoder.decode(new Uint8Array([row, cell]))
      if (/^\p{Script=Han}$/u.test(character)) characters.push(character)
    }
  }
  return characters
}

/**
 * The pinyin table for the everyday characters plus any characters of the
 * given texts, with every reading of polyphones. Index time only: it uses
 * pinyin-pro, which is too large for the browser.
 */
export function buildPinyinTable(extraTexts: Iterable<string> = []): Record<string, string> {
  const characters = new Set(gb2312Characters())
  for (const text of extraTexts) for (const character of text.match(/\p{Script=Han}/gu) ?? []) characters.add(character)
  const table: Record<string, string> = {}
  for (const character of [...characters].sort()) {
    const readings = new Set(pinyin(character, { toneType: 'none', type: 'array', multiple: true, v: true }))
    for (const reading of readings) if (/^[a-z]+$/.test(reading)) table[reading] = (table[reading] ?? '') + character
  }
  return table
}
