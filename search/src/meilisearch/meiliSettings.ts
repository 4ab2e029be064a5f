import type { Settings } from 'meilisearch'
import { searchDocumentFields } from '../engine/searchResponse.ts'
import { allSynonymGroups } from '../text/synonyms.ts'

/** The Chinese locale Meilisearch accepts (`zh-CN` is rejected); sent with the settings and with every search. */
export const MEILI_LOCALES = ['cmn']

/** Facet attributes, in query-model facet order. */
export const meiliFacetAttributes = ['type', 'stages', 'grades', 'themes', 'audience', 'category', 'familySituations'] as const

/** Every word of a synonym group maps to the others: Meilisearch synonyms are one-way per entry. */
export function meiliSynonyms(): Record<string, string[]> {
  // A Map, not an object: editors' accepted words may be 「constructor」 or 「__proto__」.
  const synonyms = new Map<string, Set<string>>()
  for (const group of allSynonymGroups()) {
    for (const word of group) {
      const others = synonyms.get(word) ?? new Set<string>()
      for (const other of group) if (other !== word) others.add(other)
      synonyms.set(word, others)
    }
  }
  return Object.fromEntries([...synonyms].map(([word, others]) => [word, [...others]]))
}

/**
 * The index settings, applied before any document is added and safe to
 * apply again (Meilisearch replaces each listed setting with the same value).
 */
export function meiliSettings(): Settings {
  return {
    searchableAttributes: ['title', 'themeNames', 'labelText', 'summary', 'chunks', 'pinyin', 'initials', 'bodyText'],
    filterableAttributes: [...meiliFacetAttributes],
    sortableAttributes: ['gradeOrder', 'sequence', 'publishedAtTimestamp'],
    // titleHant: a Traditional widget shows it (site/src/widgets/gongyu-search-box/searchMeilisearch.ts).
    displayedAttributes: [...searchDocumentFields, 'bodyText', 'titleHant'],
    // An explicit sort (grade, newest) orders every result, as in the embedded engine; without one the rule does nothing.
    // A match in the title counts before typos and proximity, which long bodies would otherwise decide.
    rankingRules: ['sort', 'words', 'attribute', 'typo', 'proximity', 'exactness'],
    synonyms: meiliSynonyms(),
    // Typos only on longer Latin words (pinyin); initials and codes must match exactly.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: ['initials', 'chunks'] },
    localizedAttributes: [{ attributePatterns: ['title', 'themeNames', 'labelText', 'summary', 'chunks', 'bodyText'], locales: MEILI_LOCALES }],
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: 5000 },
  }
}
