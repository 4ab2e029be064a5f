import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import type { ExecutionArgs, GraphQLError, ValidationContext, ValidationRule } from 'graphql'
import type { PayloadRequest } from 'payload'
import { MAX_GRAPHQL_ALIASES, MAX_GRAPHQL_DEPTH } from '../query/queryLimits'
import { introspectionRule } from './introspectionRule'
import { listArgumentsRule } from './listArgumentsRule'
import { listCostRule } from './listCostRule'
import { queryRefusal } from './queryRefusal'

/** graphql-armor throws by default, which graphql-http turns into a 500; report a Chinese refusal instead. */
function refuseWith(message: string) {
  return {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, _error: GraphQLError) => context?.reportError(queryRefusal(message))],
  }
}

/**
 * The extra checks every GraphQL request passes before it runs (Payload's
 * `graphQL.validationRules`): few aliases, a bounded depth, no whole-collection
 * reads, a list-aware cost limit, and introspection for signed-in staff only.
 */
export function graphqlValidationRules(args: ExecutionArgs): ValidationRule[] {
  const req = (args.contextValue as { req?: PayloadRequest } | undefined)?.req
  const variables = args.variableValues as Record<string, unknown> | null | undefined
  return [
    maxAliasesRule({ n: MAX_GRAPHQL_ALIASES, ...refuseWith(`一次查询最多 ${MAX_GRAPHQL_ALIASES} 个别名，请分几次查询。`) }),
    maxDepthRule({ n: MAX_GRAPHQL_DEPTH, ...refuseWith(`查询嵌套太深，最多 ${MAX_GRAPHQL_DEPTH} 层。`) }),
    listArgumentsRule(variables),
    listCostRule(variables),
    introspectionRule(Boolean(req?.user)),
  ]
}
