import { facetNames } from '../engine/searchResponse.ts'
import type { SearchFilters } from '../query/searchQuery.ts'
import { meiliFacetAttributes } from './meiliSettings.ts'

/** A value as a quoted Meilisearch filter string; quotes and backslashes are escaped, so a value can never become syntax. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/["\\]/g, (character) => `\\${character}`)}"`
}

/**
 * The Meilisearch filter for validated filters: an array of OR-groups that
 * are ANDed, which the API accepts directly, so no filter string is ever
 * assembled from user text beyond quoted values.
 */
export function meiliFilterOf(filters: SearchFilters): string[][] {
  return facetNames.flatMap((facet, index) => {
    const values = filters[facet] as string[] | undefined
    if (!values || values.length === 0) return []
    return [values.map((value) => `${meiliFacetAttributes[index]} = ${quoteFilterValue(value)}`)]
  })
}
