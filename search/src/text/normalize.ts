import { loadTraditionalTables, traditionalTables } from '#traditional-tables'
import { Trie } from 'opencc-js/core'
import type { ConversionConfig, ConversionConfigs } from './conversionConfig.ts'
import { everydayConfigs, everydayExtraCharacters } from './everydayDictionaries.ts'
import { isEverydayCharacter } from './everydayCharacters.ts'

// The three converters share most of their dictionaries (the Traditional → Simplified phrases and
// characters, the variant normalization). `OpenCC.Converter` builds every dictionary's trie again for each
// converter; on a slow phone that was about half a second of the search page's main thread before the first
// result. Each dictionary group's trie is built once here, on first use, with opencc-js's own Trie.
const dictionaryIds = new Map<string, number>()
const tries = new Map<string, Trie>()

function trieOf(group: readonly string[]): Trie {
  const key = group
    .map((dictionary) => {
      let id = dictionaryIds.get(dictionary)
      if (id === undefined) {
        id = dictionaryIds.size
        dictionaryIds.set(dictionary, id)
      }
      return id
    })
    .join('+')
  let trie = tries.get(key)
  if (!trie) {
    trie = new Trie()
    trie.loadDictGroup(group)
    tries.set(key, trie)
  }
  return trie
}

/** The same conversion as `OpenCC.Converter` for this config: normalize variants, cut into phrases, convert each phrase through the chain. */
function converterFor(config: ConversionConfig): (text: string) => string {
  let steps: { normalize: Trie[]; segment: Trie | undefined; chain: Trie[] } | undefined
  return (text) => {
    steps ??= {
      normalize: (config.normalizationChain ?? []).map(trieOf),
      segment: config.segmentation ? trieOf(config.segmentation) : undefined,
      chain: config.conversionChain.map(trieOf),
    }
    const normalized = steps.normalize.reduce((value, trie) => trie.convert(value), text)
    const pieces = steps.segment ? steps.segment.segment(normalized) : [normalized]
    return steps.chain.reduce((current, trie) => current.map((piece) => trie.convert(piece)), pieces).join('')
  }
}

interface Converters {
  /** Taiwan's words as well as its characters (影片 → 视频): for matching only, as a phrase may change length. */
  fromTaiwanPhrases: (text: string) => string
  fromTaiwan: (text: string) => string
  fromHongKong: (text: string) => string
}

const convertersOf = (configs: ConversionConfigs): Converters => ({
  fromTaiwanPhrases: converterFor(configs.tw2sp),
  fromTaiwan: converterFor(configs.tw2s),
  fromHongKong: converterFor(configs.hk2s),
})

// Text of everyday characters (GB 2312's, anything not Han) converts with dictionaries cut to what such text
// can match, exactly as with the whole ones (buildEverydayDictionaries.ts). They are a few KB, so a Simplified
// query in the browser needs no more; other text waits for the whole dictionaries (traditionalTables.browser.ts).
const everydayExtra = new Set(everydayExtraCharacters)
const everyday = convertersOf(everydayConfigs)
let whole: Converters | undefined

function isEveryday(text: string): boolean {
  for (const character of text) if (!isEverydayCharacter(character) && !everydayExtra.has(character)) return false
  return true
}

function convertersFor(text: string): Converters {
  if (isEveryday(text)) return everyday
  const tables = traditionalTables()
  if (!tables) throw new Error('The Traditional conversion tables are not loaded: await textConversionReady() for this text first.')
  whole ??= convertersOf(tables)
  return whole
}

/**
 * Resolves when normalizeText and simplifiedForm can convert these texts:
 * at once when they are everyday text or the whole dictionaries are loaded
 * (always, outside the browser), else once those load; rejects if they
 * cannot be loaded.
 */
export async function textConversionReady(texts: Iterable<string>): Promise<void> {
  if (traditionalTables()) return
  for (const text of texts) {
    if (!isEveryday(text) || !isEveryday(text.normalize('NFKC'))) {
      await loadTraditionalTables()
      return
    }
  }
}

/** Starts loading the whole dictionaries (for a page whose texts are Traditional); resolves when they are there. */
export async function loadTextConversion(): Promise<void> {
  await loadTraditionalTables()
}

/**
 * The one normal form every indexed text and every query goes through:
 * NFKC (full-width letters and digits become ASCII), Traditional → Simplified,
 * lower case, and runs of white space folded.
 */
export function normalizeText(text: string): string {
  const composed = text.normalize('NFKC')
  const { fromHongKong, fromTaiwanPhrases } = convertersFor(composed)
  return fromHongKong(fromTaiwanPhrases(composed)).toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * Text in Simplified characters and lower case, character for character
 * where the conversion allows, so positions found in it usually match the
 * original (used to highlight Traditional text with Simplified terms).
 */
export function simplifiedForm(text: string): string {
  const { fromHongKong, fromTaiwan } = convertersFor(text)
  return fromHongKong(fromTaiwan(text)).toLowerCase()
}
