import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'
import { hasRole, type Role } from '../access/roles'
import { WorkflowForbiddenError } from '../errors/WorkflowForbiddenError'
import { editorReviewStates, type ReviewState } from '../fields/workflowFields'

const RESTORING_AS_DRAFT = 'gongyuRestoringAsDraft'

/**
 * Enforces the editorial workflow on every save by a signed-in user:
 * only the given roles may publish, and editors may only move an item
 * between "writing" and "in review". Saves without a user are system
 * saves (seed, scheduled publishing) that already passed access control.
 */
export function guardPublishing(publishers: Role[]): CollectionBeforeChangeHook {
  return ({ collection, context, data, originalDoc, req }) => {
    if (!req.user) return data
    if (context.isRestoringVersion && context[RESTORING_AS_DRAFT] === collection.slug) {
      // Restoring as a draft never publishes; the restored text goes back through review.
      data._status = 'draft'
      if (hasRole(req.user, 'editor') && !editorReviewStates.includes(data.reviewState as ReviewState)) data.reviewState = 'writing'
    }
    const publishing = data._status === 'published'
    if (publishing && !hasRole(req.user, ...publishers)) {
      throw new WorkflowForbiddenError('只有审核人员或管理员可以发布。请把审核状态改为「待审核」并保存草稿，等待审核。')
    }
    const requested = data.reviewState as ReviewState | undefined
    const previous = (originalDoc as { reviewState?: ReviewState } | undefined)?.reviewState
    if (requested && requested !== previous && hasRole(req.user, 'editor') && !editorReviewStates.includes(requested)) {
      throw new WorkflowForbiddenError('编辑只能把审核状态设为「编写中」或「待审核」。')
    }
    return data
  }
}

/**
 * Notes a "restore as draft" (`POST …/versions/<id>?draft=true`) for
 * `guardPublishing`: Payload passes the draft flag to the operation but
 * not to beforeChange hooks, which see the old version's `_status`.
 */
export const noteDraftRestore: CollectionBeforeOperationHook = ({ args, collection, context, operation }) => {
  if (operation === 'restoreVersion' && (args as { draft?: boolean }).draft === true) context[RESTORING_AS_DRAFT] = collection.slug
  return args
}
