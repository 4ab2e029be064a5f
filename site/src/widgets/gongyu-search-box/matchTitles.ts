import type { SearchEntry } from '../shared/feedTypes.ts'

const normalize = (text: string) => text.normalize('NFKC').toLowerCase()

function bigrams(term: string): string[] {
  const grams: string[] = []
  for (let index = 0; index < term.length - 1; index++) grams.push(term.slice(index, index + 2))
  return grams
}

/** How well one term matches: in the title, elsewhere, by most of its two-character chunks, or not at all (0). */
function termScore(term: string, title: string, all: string): number {
  if (title.includes(term)) return title.startsWith(term) ? 4 : 3
  if (all.includes(term)) return 1
  // 三年级玩手机 is no substring of anything, but 玩手 and 手机 are: half the chunks present is a match.
  const grams = bigrams(term)
  const found = grams.filter((gram) => all.includes(gram)).length
  return grams.length > 1 && found * 2 >= grams.length ? found / grams.length : 0
}

/**
 * The inline search box's matcher: every whitespace-separated term must
 * match an entry's title, meta line or keywords (theme names, grades),
 * whole or by most of its two-character chunks. Titles weigh more; ties
 * keep the feed's teaching order. No segmenter, pinyin or Traditional ↔
 * Simplified mapping: those stay with the site's full search, one link away.
 */
export function matchTitles(entries: SearchEntry[], query: string, limit: number): SearchEntry[] {
  const terms = normalize(query).split(/\s+/).filter(Boolean)
  if (terms.length === 0) return []
  const scored: { entry: SearchEntry; score: number; index: number }[] = []
  entries.forEach((entry, index) => {
    const title = normalize(entry[2])
    const all = `${title} ${normalize(entry[3])} ${normalize(entry[4])}`
    let score = 0
    for (const term of terms) {
      const one = termScore(term, title, all)
      if (one === 0) return
      score += one
    }
    scored.push({ entry, score, index })
  })
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((match) => match.entry)
}
