import type { CollectionBeforeOperationHook, FlattenedField } from 'payload'
import { QueryRefusedError } from '../errors/QueryRefusedError'
import { checkListParameters } from '../query/checkListParameters'
import { MAX_PAGE_SIZE } from '../query/queryLimits'
import { validateWhere } from '../query/validateWhere'

/**
 * Bounds what one HTTP request can read (issue 12): REST paging parameters
 * are checked (`limit=0`, `pagination=false`, `limit=-1`, `limit=abc` → 400),
 * every `where` is checked before it reaches the database, and any list read
 * asks for at most MAX_PAGE_SIZE documents. Depth is bounded by the config's
 * `maxDepth`. Only requests that came in over REST or GraphQL are touched:
 * the export, the seed and the search rebuild call the Local API without an
 * HTTP request and may still read whole collections.
 */
export const capQueryArguments: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') return args
  if (req.payloadAPI === 'REST' && req.query) {
    // Only a GET lists documents; the admin's bulk edit and delete send limit=0 with an id list.
    const problem = checkListParameters(req.query, { wholeListAllowed: req.method !== 'GET' })
    if (problem) throw new QueryRefusedError(problem)
  }
  const where: unknown = (args as { where?: unknown }).where
  if (where !== undefined && where !== null) {
    const fieldsOf = (slug: string): FlattenedField[] | undefined =>
      req.payload.collections[slug as keyof typeof req.payload.collections]?.config.flattenedFields
    const problem = validateWhere(where, collection.flattenedFields, { fieldsOf })
    if (problem) throw new QueryRefusedError(problem)
  }
  const limit: unknown = (args as { limit?: unknown }).limit
  if ((operation === 'read' || operation === 'readDistinct') && typeof limit === 'number' && limit > MAX_PAGE_SIZE) return { ...args, limit: MAX_PAGE_SIZE }
  return args
}
