import { loadTraditionalTables, traditionalTables } from '#traditional-tables'
import * as OpenCC from 'opencc-js/t2cn'
import { describe, expect, it, vi } from 'vitest'
import { currentEverydayDictionaries, openccConfigs } from './writeEverydayDictionaries.ts'
import { CONVERSIONS } from './conversionConfig.ts'
import { everydayConfigs, everydayExtraCharacters } from './everydayDictionaries.ts'
import { gb2312Characters, isEverydayCharacter } from './everydayCharacters.ts'
import { normalizeText, simplifiedForm, textConversionReady } from './normalize.ts'

// As bundled for the browser: the whole Traditional tables load only when asked for. Every conversion
// here before they load can only have used the cut dictionaries (normalize.ts throws otherwise).
vi.mock('#traditional-tables', () => import('./traditionalTables.browser.ts'))

const library = {
  fromTaiwanPhrases: OpenCC.Converter({ from: 'twp', to: 'cn' }),
  fromTaiwan: OpenCC.Converter({ from: 'tw', to: 'cn' }),
  fromHongKong: OpenCC.Converter({ from: 'hk', to: 'cn' }),
}
const expectedNormal = (text: string) =>
  library
    .fromHongKong(library.fromTaiwanPhrases(text.normalize('NFKC')))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
const expectedSimplified = (text: string) => library.fromHongKong(library.fromTaiwan(text)).toLowerCase()

/** Every source of the whole dictionaries made of everyday characters: the phrases a Simplified text can hold (建立, 怎么, 著名…). */
function everydaySources(): string[] {
  const sources = new Set<string>()
  for (const name of CONVERSIONS) {
    const { normalizationChain = [], segmentation = [], conversionChain } = openccConfigs[name]
    for (const dictionary of [...normalizationChain.flat(), ...segmentation, ...conversionChain.flat()]) {
      for (const entry of dictionary.split('|')) {
        const source = entry.split(' ')[0] ?? ''
        if ([...source].every(isEverydayCharacter)) sources.add(source)
      }
    }
  }
  return [...sources]
}

/** Texts where those phrases touch and overlap, every everyday character alone and in runs, and a parent's queries. */
function everydayTexts(): string[] {
  const sources = everydaySources()
  const characters = gb2312Characters()
  const runs = (items: string[], size: number) =>
    Array.from({ length: Math.ceil(items.length / size) }, (_, at) => items.slice(at * size, (at + 1) * size).join(''))
  return [
    ...sources,
    ...runs(sources, 6),
    ...runs([...sources].reverse(), 5),
    ...runs(
      [...sources].sort((a, b) => b.length - a.length),
      4,
    ),
    ...characters,
    ...runs(characters, 40),
    ...[...everydayExtraCharacters].map((character) => `${character}密${character}书`),
    '孩子玩手机怎么办',
    '三年级 作业拖拉，建立规则',
    '考前睡不着 ＡＢＣ full-width 123',
    '著名的学者谈乾隆年间的教育，后来怎么样了',
  ]
}

describe('conversion in the browser, before the whole Traditional tables load', () => {
  it('converts everyday text exactly as opencc-js does with its whole dictionaries, without loading them', async () => {
    const texts = everydayTexts()
    await textConversionReady(texts)
    expect(traditionalTables()).toBeUndefined()
    for (const text of texts) {
      expect(normalizeText(text), text).toBe(expectedNormal(text))
      expect(simplifiedForm(text), text).toBe(expectedSimplified(text))
      // A normalized text is normalized again on the way (grade and type mentions): it must stay everyday.
      expect(normalizeText(normalizeText(text)), text).toBe(expectedNormal(expectedNormal(text)))
    }
    expect(traditionalTables()).toBeUndefined()
  })

  it('keeps other text waiting for the whole tables, then converts it as opencc-js does', async () => {
    const traditional = ['隔代教養：祖父母如何陪伴孫子女', '香港的家長：小朋友返學前嘅準備', '𠀾 surrogate pairs', '啰嗦']
    expect(() => normalizeText(traditional[0] ?? '')).toThrow(/not loaded/)
    expect(() => simplifiedForm(traditional[1] ?? '')).toThrow(/not loaded/)
    await textConversionReady(['孩子', ...traditional])
    expect(traditionalTables()).toBeDefined()
    for (const text of traditional) {
      expect(normalizeText(text)).toBe(expectedNormal(text))
      expect(simplifiedForm(text)).toBe(expectedSimplified(text))
    }
    await expect(loadTraditionalTables()).resolves.toBe(traditionalTables())
  })
})

describe('the cut dictionaries', () => {
  it('are those the installed opencc-js gives (run writeEverydayDictionaries.ts after updating it)', () => {
    const current = currentEverydayDictionaries()
    expect(current.extraCharacters).toBe(everydayExtraCharacters)
    expect(current.configs).toEqual(everydayConfigs)
  })

  it('are a small part of the whole', () => {
    const size = (configs: typeof everydayConfigs) =>
      [...new Set(CONVERSIONS.flatMap((name) => [...(configs[name].normalizationChain ?? []).flat(), ...configs[name].conversionChain.flat()]))].reduce(
        (total, dictionary) => total + dictionary.length,
        0,
      )
    expect(size(everydayConfigs)).toBeLessThan(size(openccConfigs) / 5)
  })
})

describe('everyday characters', () => {
  it('are GB 2312’s 6,763 Han characters, as decoded pair by pair, and anything not Han', () => {
    const decoder = new TextDecoder('gb18030')
    const oneByOne: string[] = []
    for (let row = 0xb0; row <= 0xf7; row += 1) {
      for (let cell = 0xa1; cell <= 0xfe; cell += 1) {
        const character = decoder.decode(new Uint8Array([row, cell]))
        if (/^\p{Script=Han}$/u.test(character)) oneByOne.push(character)
      }
    }
    expect(gb2312Characters()).toEqual(oneByOne)
    expect(oneByOne).toHaveLength(6763)
    expect(['孩', '么', 'a', '，', '·', 'ー'].every(isEverydayCharacter)).toBe(true)
    expect(['麼', '啰', '𠀾', '⼀'].some(isEverydayCharacter)).toBe(false)
  })
})
