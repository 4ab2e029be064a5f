/** The most documents one REST or GraphQL list request returns; larger `limit`s are lowered to it. */
export const MAX_PAGE_SIZE = 100

/** Payload's page size when a request names none. */
export const DEFAULT_PAGE_SIZE = 10

/** The deepest relationship population any request gets (Payload's `maxDepth`). */
export const MAX_POPULATE_DEPTH = 3

/** The most field conditions one `where` may hold, and how deeply `and`/`or` may nest. */
export const MAX_WHERE_CONDITIONS = 50
export const MAX_WHERE_NESTING = 5

/** GraphQL: the most aliases, the deepest selection, and the most list items × fields one request may ask for. */
export const MAX_GRAPHQL_ALIASES = 10
export const MAX_GRAPHQL_DEPTH = 8
export const MAX_GRAPHQL_COST = 3000

/** GraphQL: the longest query text and the most tokens it may have, checked before Payload parses it. */
export const MAX_GRAPHQL_QUERY_CHARS = 10_000
export const MAX_GRAPHQL_TOKENS = 2000

/** GraphQL: the most fields a query may select once its fragments are spread out (Payload's own complexity rule gives up with a 500 at 10,000). */
export const MAX_GRAPHQL_EXPANDED_FIELDS = 3000
