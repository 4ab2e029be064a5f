import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { GraphQLError, parse, type DocumentNode } from 'graphql'
import type { SanitizedConfig } from 'payload'
import { MAX_GRAPHQL_EXPANDED_FIELDS, MAX_GRAPHQL_QUERY_CHARS, MAX_GRAPHQL_TOKENS } from '../query/queryLimits'
import { expandedFieldCount } from './expandedFieldCount'
import { queryRefusal } from './queryRefusal'

type RouteHandler = (request: Request) => Promise<Response>

function refused(message: string): Response {
  return Response.json({ errors: [queryRefusal(message).toJSON()] }, { status: 400 })
}

/** Why the query is too big to validate (text, tokens, fields once fragments are spread), checked before Payload sees it, or null. */
async function oversizedQuery(request: Request): Promise<string | null> {
  // graphql-http reads a POST body only as application/json (any case, any spacing).
  if (!request.headers.get('content-type')?.toLowerCase().includes('application/json')) return null
  let body: unknown
  try {
    body = JSON.parse(await request.clone().text())
  } catch (error) {
    // Malformed JSON is graphql-http's to answer (with a 400); this check has nothing to measure.
    if (error instanceof SyntaxError) return null
    throw error
  }
  const query = (body as { query?: unknown } | null)?.query
  if (typeof query !== 'string') return null
  if (query.length > MAX_GRAPHQL_QUERY_CHARS) return `查询太长：最多 ${MAX_GRAPHQL_QUERY_CHARS} 个字符。`
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: MAX_GRAPHQL_TOKENS })
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error
    // graphql-js words it 'Document contains more that N tokens. Parsing aborted.'
    if (/more th[ae]n \d+ tokens/.test(error.message)) return `查询太长：最多 ${MAX_GRAPHQL_TOKENS} 个词法单元。`
    return null
  }
  if (expandedFieldCount(document) > MAX_GRAPHQL_EXPANDED_FIELDS) return `查询展开后字段太多：最多 ${MAX_GRAPHQL_EXPANDED_FIELDS} 个。`
  return null
}

/**
 * Payload's GraphQL route, with two changes: an oversized query is refused
 * before Payload parses and validates it, and a request that did not run at all (errors and no
 * `data`: syntax, validation, our size and cost refusals) answers HTTP 400
 * rather than graphql-http's 200 for `application/json` clients.
 */
export function graphqlPost(config: Promise<SanitizedConfig> | SanitizedConfig): RouteHandler {
  const payloadRoute = GRAPHQL_POST(config)
  return async (request) => {
    const tooBig = await oversizedQuery(request)
    if (tooBig) return refused(tooBig)
    const response = await payloadRoute(request)
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('json')) return response
    const result: unknown = JSON.parse(await response.text())
    // graphql-http (CommonJS) does not recognise errors made with the ES-module copy of graphql
    // (our rules', Payload's complexity rule's) and sends them as a bare array: restore the shape.
    const body = (Array.isArray(result) ? { errors: result } : result) as { data?: unknown; errors?: unknown[] }
    const notRun = !('data' in body) && Array.isArray(body.errors) && body.errors.length > 0
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    return new Response(JSON.stringify(body), { status: notRun ? 400 : 200, headers })
  }
}
