import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import type { ReviewState } from '../fields/workflowFields'
import { localizedLabel } from '../i18n/localizedLabel'

const titleLabel = localizedLabel('标题', 'Title')

/**
 * Keeps the review state saying what happened (issue 14): a publish, by a
 * reviewer or by the seed, is 审核通过; a draft saved over an approved item
 * is 编写中 again, unless the save itself moves the state on; a draft goes
 * to review only with a title. It also records who created an item and who
 * submitted it when, for the review queue. Runs after `guardPublishing`,
 * which has already refused the moves a role may not make.
 */
export const keepReviewStateTrue: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const original = originalDoc as { reviewState?: ReviewState; _status?: string; title?: unknown; name?: unknown } | undefined
  const previous = original?.reviewState
  // A partial update (a PATCH of one field) carries only what changed; the rest is the stored document.
  if ((data._status ?? original?._status) === 'published') {
    data.reviewState = 'approved'
    return data
  }
  const requested = (data.reviewState as ReviewState | undefined) ?? previous
  if (req.user && previous === 'approved' && requested === 'approved') data.reviewState = 'writing'
  if (data.reviewState === 'in-review' && previous !== 'in-review') {
    // Places (服务地图) are titled by their name.
    const given = data.title ?? original?.title ?? data.name ?? original?.name
    const title = typeof given === 'string' ? given.trim() : ''
    if (!title) {
      throw new ValidationError(
        { req, errors: [{ path: 'title', label: titleLabel, message: '空白的草稿不能提交审核：请先写好标题和内容，再把审核状态改为「待审核」。' }] },
        req.t,
      )
    }
    data.submittedAt = new Date().toISOString()
    data.submittedBy = req.user?.id ?? null
  }
  if (operation === 'create' && req.user) data.createdBy = req.user.id
  return data
}
