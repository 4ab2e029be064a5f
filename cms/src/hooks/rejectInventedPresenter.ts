import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

// A presenter is an organization or a role; these endings mark one.
const ROLE_OR_ORGANIZATION = /(?:团|组|会|校|园|站|中心|学校|学院|医院|机构|协会|委员会|讲师|老师|教师|医生|辅导员|社工|专家|顾问|主任|工作室|工作坊|家长学校|妇联|教育局|卫健委|社区|志愿者)/

/** Rejects a micro-lesson presenter that reads like a person's name rather than an organization or role. */
export const rejectInventedPresenter: CollectionBeforeValidateHook = ({ data, req }) => {
  const presenter = typeof data?.presenter === 'string' ? data.presenter.trim() : ''
  if (!presenter || ROLE_OR_ORGANIZATION.test(presenter)) return data
  throw new ValidationError(
    {
      collection: 'micro-lessons',
      errors: [{ path: 'presenter', message: `主讲「${presenter}」看起来像个人姓名。请填写机构或角色，例如“县家长学校讲师团”“社区心理辅导员”。` }],
    },
    req.t,
  )
}
