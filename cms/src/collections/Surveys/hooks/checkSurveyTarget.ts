import { type CollectionBeforeValidateHook, ValidationError } from 'payload'
import { localizedLabel } from '../../../i18n/localizedLabel'

type Id = string | number

function idOf(value: unknown): Id | undefined {
  if (value && typeof value === 'object') return (value as { id?: Id }).id
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}

/**
 * A survey names what it is about: a session (a course list and the item
 * held as a session), a course list of the same organization, or an event.
 * Checked on every save, drafts too, with a Chinese message on the field.
 */
export const checkSurveyTarget: CollectionBeforeValidateHook = async ({ collection, data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...(data ?? {}) } as Record<string, unknown>
  const refuse = (path: string, label: string, english: string, message: string): never => {
    throw new ValidationError({ collection: collection.slug, req, errors: [{ path, label: localizedLabel(label, english), message }] }, req.t)
  }
  const target = merged.target ?? 'session'
  if (target === 'event') {
    if (idOf(merged.event) === undefined) refuse('event', '讲座或活动', 'Event', '请选择这份问卷调查的讲座或活动。')
    return data
  }
  const courseListId = idOf(merged.courseList)
  if (courseListId === undefined) return refuse('courseList', '课程清单', 'Course list', '请选择这份问卷调查的课程清单。')
  const courseList = await req.payload
    .findByID({ collection: 'course-lists', id: courseListId, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })
    .catch(() => null)
  if (!courseList) return refuse('courseList', '课程清单', 'Course list', '找不到选择的课程清单。')
  const organization = idOf(merged.organization)
  if (organization !== undefined && String(idOf(courseList.organization)) !== String(organization)) {
    refuse('courseList', '课程清单', 'Course list', '只能调查本机构的课程清单。')
  }
  if (target === 'session') {
    const number = merged.sessionNumber
    const items = courseList.items ?? []
    if (typeof number !== 'number' || !Number.isInteger(number))
      return refuse('sessionNumber', '第几课', 'Item number', '请填写这次线下活动在课程清单里的序号，例如 3。')
    const item = items[number - 1]
    if (!item) refuse('sessionNumber', '第几课', 'Item number', `课程清单「${courseList.title}」只有 ${items.length} 课，没有第 ${number} 课。`)
    if (!item?.session?.startsAt)
      refuse('sessionNumber', '第几课', 'Item number', `第 ${number} 课没有填线下活动的时间，不是一次家长学校活动。请先在课程清单里填好活动时间。`)
  }
  return data
}
