import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import type { MicroLesson } from '../../../payload-types'
import { looksLikePersonalName } from '../../../privacy/personalNames'

/** A micro-lesson presenter is an organization or a role, never a person's name. */
export const rejectInventedPresenter: CollectionBeforeValidateHook<MicroLesson> = ({ data, req }) => {
  const presenter = typeof data?.presenter === 'string' ? data.presenter.trim() : ''
  if (!presenter || !looksLikePersonalName(presenter)) return data
  throw new ValidationError(
    {
      collection: 'micro-lessons',
      errors: [
        { path: 'presenter', label: '主讲', message: `主讲「${presenter}」看起来像个人姓名。请填写机构或角色，例如“县家长学校讲师团”“社区心理辅导员”。` },
      ],
    },
    req.t,
  )
}
