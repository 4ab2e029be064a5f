import { CONVERSIONS, type ConversionConfig, type ConversionConfigs } from './conversionConfig.ts'

/** The conversions with their dictionaries cut, and the characters outside the everyday set that they can put out. */
export interface EverydayDictionaries {
  configs: ConversionConfigs
  /** Characters the cut conversions can put out that the everyday set lacks; texts of them convert with the cut dictionaries too. */
  extraCharacters: string
}

type Entry = { source: string; replacement: string; text: string }

const entriesOf = (dictionary: string): Entry[] =>
  dictionary === ''
    ? []
    : dictionary.split('|').map((text) => {
        const [source = '', replacement = ''] = text.split(' ')
        return { source, replacement, text }
      })

/**
 * opencc-js's conversion dictionaries cut to the entries that a text made
 * of everyday characters can ever match, so such a text converts exactly as
 * with the whole dictionaries: opencc-js matches, at each place, the
 * longest source that the text there starts with, and every such source is
 * made of the text's characters, so it is kept. A later step of a chain
 * reads what earlier steps wrote, so its dictionaries keep the sources
 * made of everyday characters and of the characters those steps can write.
 * What the conversions can write beyond the everyday set is added to it
 * until nothing new comes out (Hong Kong's conversion reads Taiwan's output).
 *
 * `isEveryday` says which characters a text may hold for the cut
 * dictionaries to do (in search: GB 2312's Han characters, and anything
 * that is not Han).
 */
export function buildEverydayDictionaries(configs: ConversionConfigs, isEveryday: (character: string) => boolean): EverydayDictionaries {
  const extra = new Set<string>()
  for (;;) {
    const kept = new Map<string, Set<string>>()
    const written = new Set<string>()
    for (const name of CONVERSIONS) {
      for (const character of charactersWritten(configs[name], (character) => isEveryday(character) || extra.has(character), kept)) written.add(character)
    }
    const before = extra.size
    for (const character of written) extra.add(character)
    if (extra.size === before) {
      const cut = (dictionary: string) =>
        entriesOf(dictionary)
          .filter((entry) => kept.get(dictionary)?.has(entry.text))
          .map((entry) => entry.text)
          .join('|')
      const cutGroup = (group: readonly string[]) => group.map(cut).filter((dictionary) => dictionary !== '')
      const cutConfig = (config: ConversionConfig): ConversionConfig => ({
        normalizationChain: (config.normalizationChain ?? []).map(cutGroup),
        segmentation: cutGroup(config.segmentation ?? []),
        conversionChain: config.conversionChain.map(cutGroup),
      })
      return {
        configs: Object.fromEntries(CONVERSIONS.map((name) => [name, cutConfig(configs[name])])) as unknown as ConversionConfigs,
        extraCharacters: [...extra].sort().join(''),
      }
    }
  }
}

/**
 * Runs the alphabet of an input through one conversion: marks in `kept`
 * the entries its texts can match, and returns the characters outside the
 * input alphabet that can come out.
 */
function charactersWritten(config: ConversionConfig, inInput: (character: string) => boolean, kept: Map<string, Set<string>>): Set<string> {
  // Characters that may be present at this point beyond the input alphabet.
  let present = new Set<string>()
  const readable = (source: string) => [...source].every((character) => inInput(character) || present.has(character))
  const keep = (dictionary: string, entry: Entry) => {
    let entries = kept.get(dictionary)
    if (!entries) {
      entries = new Set()
      kept.set(dictionary, entries)
    }
    entries.add(entry.text)
  }
  const step = (group: readonly string[]) => {
    const replaced = new Set<string>()
    const next = new Set<string>()
    for (const dictionary of group) {
      for (const entry of entriesOf(dictionary)) {
        if (!readable(entry.source)) continue
        keep(dictionary, entry)
        if ([...entry.source].length === 1) replaced.add(entry.source)
        for (const character of entry.replacement) if (!inInput(character)) next.add(character)
      }
    }
    // A character no single-character entry replaces can pass through unchanged.
    for (const character of present) if (!replaced.has(character)) next.add(character)
    present = next
  }
  for (const group of config.normalizationChain ?? []) step(group)
  // Segmentation only cuts the text into pieces (each then converted alone); it writes nothing.
  for (const dictionary of config.segmentation ?? []) for (const entry of entriesOf(dictionary)) if (readable(entry.source)) keep(dictionary, entry)
  for (const group of config.conversionChain) step(group)
  return present
}
