import { Kind, parse, visit, type DocumentNode } from 'graphql'

export interface GraphqlAuthFieldCounts {
  login: number
  forgotPassword: number
}

/**
 * Counts the login and forgot-password mutation fields of an auth collection
 * in a GraphQL query (Payload names them `login<Singular>` and
 * `forgotPassword<Singular>`), aliases included: one request can hold many.
 * A query that does not parse counts nothing; GraphQL refuses it unrun.
 */
export function graphqlAuthFields(query: unknown, singulars: readonly string[]): GraphqlAuthFieldCounts {
  const counts = { login: 0, forgotPassword: 0 }
  if (typeof query !== 'string') return counts
  let document: DocumentNode
  try {
    document = parse(query)
  } catch (error) {
    if (error instanceof Error && error.name === 'GraphQLError') return counts
    throw error
  }
  const login = new Set(singulars.map((name) => `login${name}`))
  const forgotPassword = new Set(singulars.map((name) => `forgotPassword${name}`))
  // Fragments are counted where they are written; a mutation can only spread them at its top level.
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (login.has(node.name.value)) counts.login += 1
      if (forgotPassword.has(node.name.value)) counts.forgotPassword += 1
    },
  })
  return counts
}
