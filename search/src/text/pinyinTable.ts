/**
 * Characters grouped by toneless pinyin syllable: `{ gou: '勾沟狗够…' }`.
 * It lets a browser find the pinyin of a typed character without shipping
 * pinyin-pro; it is built at index time by `buildPinyinTable`.
 */
export type PinyinTable = Record<string, string>

/** Reads a pinyin table: the possible toneless syllables of a character. */
export class PinyinLookup {
  private readonly syllables = new Map<string, string[]>()

  constructor(table: PinyinTable) {
    for (const [syllable, characters] of Object.entries(table)) {
      for (const character of characters) {
        const known = this.syllables.get(character)
        if (known) known.push(syllable)
        else this.syllables.set(character, [syllable])
      }
    }
  }

  /** Every reading of a character; empty for characters the table lacks. */
  syllablesOf(character: string): string[] {
    return this.syllables.get(character) ?? []
  }

  /**
   * The pinyin spellings of a short Han text, one per combination of
   * readings (沟通 → ['goutong']), capped so polyphones cannot explode.
   */
  spellingsOf(text: string, limit = 8): string[] {
    let spellings = ['']
    for (const character of text) {
      const readings = this.syllablesOf(character)
      if (readings.length === 0) return []
      spellings = spellings.flatMap((prefix) => readings.map((reading) => prefix + reading)).slice(0, limit)
    }
    return spellings
  }
}
