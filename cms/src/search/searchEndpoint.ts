import type { Endpoint, PayloadRequest } from 'payload'
import { searchEngineFromEnv } from '@gongyu/search/server'
import { filterNames, parseSearchQuery, SearchQueryError, type SearchQueryInput } from '@gongyu/search'
import { loadLearnedSynonyms } from '../collections/ContentTasks/learnedSynonyms'
import { embeddedSearchFor } from './embeddedSearchState'

function inputOf(req: PayloadRequest): SearchQueryInput {
  const params = req.searchParams
  const input: SearchQueryInput = {
    q: params.get('q') ?? undefined,
    sort: params.get('sort') ?? undefined,
    page: params.get('page') ?? undefined,
    pageSize: params.get('pageSize') ?? undefined,
  }
  for (const name of filterNames) {
    const values = params.getAll(name)
    if (values.length > 0) input[name] = values.join(',')
  }
  return input
}

/**
 * `GET /api/search?q=…&grade=p3&type=lesson`: published content only, from
 * Meilisearch when it is configured and from the embedded engine otherwise.
 * Bad input is a 400 with a Chinese message, never a 500.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    let query: ReturnType<typeof parseSearchQuery>
    try {
      query = parseSearchQuery(inputOf(req))
    } catch (error) {
      if (!(error instanceof SearchQueryError)) throw error
      return Response.json({ errors: [{ message: error.message, field: error.field }] }, { status: 400 })
    }
    // Synonyms editors accepted from the needs report (issue 17) widen the query in both engines.
    await loadLearnedSynonyms(req.payload)
    const engine = await searchEngineFromEnv(() => embeddedSearchFor(req.payload))
    return Response.json(await engine.search(query), { headers: { 'Cache-Control': 'no-store' } })
  },
}
