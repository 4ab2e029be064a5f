import type { ValidationRule } from 'graphql'
import { queryRefusal } from './queryRefusal'

/**
 * Schema introspection (`__schema`, `__type`) for signed-in staff only; in
 * production Payload's `disableIntrospectionInProduction` refuses it for everyone.
 */
export function introspectionRule(signedIn: boolean): ValidationRule {
  return (context) => ({
    Field(node) {
      if (signedIn) return
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(queryRefusal('只有登录的工作人员才能查看 GraphQL 结构（introspection）。'))
      }
    },
  })
}
