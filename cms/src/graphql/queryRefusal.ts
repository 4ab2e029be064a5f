import { GraphQLError } from 'graphql'

/** A GraphQL query the CMS will not run, with a Chinese message; the route answers it with HTTP 400. */
export function queryRefusal(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_REFUSED', statusCode: 400 } })
}
