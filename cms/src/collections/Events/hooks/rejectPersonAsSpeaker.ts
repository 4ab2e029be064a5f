import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import type { Event } from '../../../payload-types'
import { looksLikePersonalName } from '../../../privacy/personalNames'

/** Who speaks at an event is an organization or a role, never a person's name (issue 17). */
export const rejectPersonAsSpeaker: CollectionBeforeValidateHook<Event> = ({ data, req }) => {
  const presenter = typeof data?.presenter === 'string' ? data.presenter.trim() : ''
  if (!presenter || !looksLikePersonalName(presenter)) return data
  throw new ValidationError(
    {
      collection: 'events',
      errors: [
        { path: 'presenter', label: '主讲', message: `主讲「${presenter}」看起来像个人姓名。请填写机构或角色，例如“县家庭教育指导中心”“学校心理健康教师”。` },
      ],
    },
    req.t,
  )
}
