import { Kind, valueFromASTUntyped, type ValidationRule, type ValueNode } from 'graphql'
import { MAX_PAGE_SIZE } from '../query/queryLimits'
import { queryRefusal } from './queryRefusal'

/**
 * Refuses list arguments that read a whole collection or make no sense:
 * `limit: 0`, a negative `limit`, `pagination: false` and `page` below 1,
 * whether written in the query or passed as variables. A `limit` above
 * MAX_PAGE_SIZE is allowed here and lowered by the collection hook.
 */
export function listArgumentsRule(variables: Record<string, unknown> | null | undefined): ValidationRule {
  return (context) => {
    const defaults = new Map<string, unknown>()
    const literalValueOf = (node: ValueNode): unknown => {
      if (node.kind !== Kind.VARIABLE) return valueFromASTUntyped(node)
      const name = node.name.value
      return variables && name in variables ? variables[name] : defaults.get(name)
    }
    return {
      OperationDefinition(operation) {
        defaults.clear()
        for (const definition of operation.variableDefinitions ?? []) {
          if (definition.defaultValue) defaults.set(definition.variable.name.value, valueFromASTUntyped(definition.defaultValue))
        }
      },
      Argument(node) {
        const value = literalValueOf(node.value)
        const name = node.name.value
        if (name === 'limit' && typeof value === 'number' && value <= 0) {
          context.reportError(queryRefusal(`不能一次读取全部（limit: ${value}）；请分页读取，每页最多 ${MAX_PAGE_SIZE} 条。`))
        } else if (name === 'pagination' && value === false) {
          context.reportError(queryRefusal(`不能关闭分页（pagination: false）；请分页读取，每页最多 ${MAX_PAGE_SIZE} 条。`))
        } else if (name === 'page' && typeof value === 'number' && value < 1) {
          context.reportError(queryRefusal('page 必须是从 1 开始的整数。'))
        }
      },
    }
  }
}
