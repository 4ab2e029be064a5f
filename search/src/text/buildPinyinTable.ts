import { pinyin } from 'pinyin-pro'
import { gb2312Characters } from './everydayCharacters.ts'

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
