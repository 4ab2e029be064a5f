import { Locale, Trie } from 'opencc-js/t2cn'

/** One of opencc-js's conversion configs; its typings leave out `normalizationChain`, which the code has. */
interface ConversionConfig {
  normalizationChain?: readonly (readonly string[])[]
  segmentation?: readonly string[]
  conversionChain: readonly (readonly string[])[]
}

const configs = Locale.configs as unknown as Record<'hk2s' | 'tw2s' | 'tw2sp', ConversionConfig>

// The three converters below share most of their dictionaries (the Traditional → Simplified
// phrases and characters, the variant normalization). `OpenCC.Converter` builds every
// dictionary's trie again for each converter; on a slow phone that was about half a second of
// the search page's main thread before the first result. Each dictionary group's trie is built
// once here, on first use, from opencc-js's own dictionaries and Trie.
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

// Taiwan and Hong Kong forms both map to mainland Simplified; `t2cn` is the small browser-safe build.
// `twp` (tw2sp) also maps Taiwan's words (影片 → 视频, 軟體 → 软件), so a Taiwan parent's word finds the
// mainland one; it is for matching only, as a phrase may change length.
const fromTaiwanPhrases = converterFor(configs.tw2sp)
const fromTaiwan = converterFor(configs.tw2s)
const fromHongKong = converterFor(configs.hk2s)

/**
 * The one normal form every indexed text and every query goes through:
 * NFKC (full-width letters and digits become ASCII), Traditional → Simplified,
 * lower case, and runs of white space folded.
 */
export function normalizeText(text: string): string {
  return fromHongKong(fromTaiwanPhrases(text.normalize('NFKC')))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Text in Simplified characters and lower case, character for character
 * where the conversion allows, so positions found in it usually match the
 * original (used to highlight Traditional text with Simplified terms).
 */
export function simplifiedForm(text: string): string {
  return fromHongKong(fromTaiwan(text)).toLowerCase()
}
