import { facetFields, facetNames, type FacetCounts, type FacetName, type SearchDocument } from './searchResponse.ts'
import type { SearchFilters } from '../query/searchQuery.ts'

/** The values a document has for a facet (none, one or several). */
export function facetValues(document: SearchDocument, facet: FacetName): string[] {
  const value = document[facetFields[facet]]
  if (value === null || value === undefined) return []
  return Array.isArray(value) ? (value as string[]) : [String(value)]
}

/** Whether a document passes every filter (values within a filter are alternatives). */
export function matchesFilters(document: SearchDocument, filters: SearchFilters): boolean {
  return facetNames.every((facet) => {
    const wanted = filters[facet]
    if (!wanted || wanted.length === 0) return true
    return facetValues(document, facet).some((value) => (wanted as string[]).includes(value))
  })
}

/**
 * Facet counts over a set of documents. Each facet's table has no prototype:
 * values are editors' slugs, and one named `constructor` or `__proto__` would
 * otherwise read or replace a property of Object.prototype.
 */
export function countFacets(documents: Iterable<SearchDocument>): FacetCounts {
  const counts = Object.fromEntries(facetNames.map((facet) => [facet, Object.create(null)])) as FacetCounts
  for (const document of documents) {
    for (const facet of facetNames) {
      for (const value of facetValues(document, facet)) counts[facet][value] = (counts[facet][value] ?? 0) + 1
    }
  }
  return counts
}
