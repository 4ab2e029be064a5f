import type { ValidationRule } from 'graphql'
import { createComplexityRule, type ComplexityEstimator } from 'graphql-query-complexity'
import { DEFAULT_PAGE_SIZE, MAX_GRAPHQL_COST, MAX_PAGE_SIZE } from '../query/queryLimits'
import { queryRefusal } from './queryRefusal'

/** How many documents a paginated field returns at most, as the collection hook will run it. */
function pageSizeOf(args: Record<string, unknown>): number {
  const limit = args.limit
  if (args.pagination === false || limit === 0) return MAX_PAGE_SIZE
  if (typeof limit !== 'number') return DEFAULT_PAGE_SIZE
  return Math.min(Math.max(limit, 1), MAX_PAGE_SIZE)
}

/**
 * Each field costs 1, and what is selected under a paginated field (one
 * taking `limit`) costs once per document it can return. Payload's own
 * complexity rule counts a list of 10,000 documents like a list of one
 * (issue 12); this one does not.
 */
export const listCostEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const paginated = field.args.some((argument) => argument.name === 'limit')
  return 1 + childComplexity * (paginated ? pageSizeOf(args) : 1)
}

const costMessage = (max: number, actual: number) => `查询太大：估算要读取 ${actual} 项，单次请求最多 ${max} 项。请减少字段、别名或 limit，分几次查询。`

/** The list-aware cost limit; its own failures (too many nodes) become a refusal instead of a 500. */
export function listCostRule(variables: Record<string, unknown> | null | undefined): ValidationRule {
  return (context) => {
    const inner = createComplexityRule({
      maximumComplexity: MAX_GRAPHQL_COST,
      variables: variables ?? {},
      estimators: [listCostEstimator],
      createError: (max, actual) => queryRefusal(costMessage(max, actual)),
    })(context)
    const guarded =
      <T>(step: (node: T) => unknown) =>
      (node: T) => {
        try {
          step.call(inner, node)
        } catch (error) {
          // By name: graphql's CommonJS and ES-module copies have different GraphQLError classes.
          if (!(error instanceof Error && error.name === 'GraphQLError')) throw error
          // graphql-query-complexity gives up past 10,000 selected fields.
          context.reportError(queryRefusal('查询展开后字段太多，无法估算大小；请分几次查询。'))
        }
      }
    return {
      OperationDefinition: {
        enter: guarded(inner.onOperationDefinitionEnter),
        leave: guarded(inner.onOperationDefinitionLeave),
      },
    }
  }
}
