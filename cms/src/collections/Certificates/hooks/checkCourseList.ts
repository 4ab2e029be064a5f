import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import { relationId } from './relationId'

/**
 * A certificate is for a course list of its own organization: another
 * organization's list is refused, naming it. An empty programme takes the
 * list's title. Untyped like assignOwnOrganization: ids are numbers on
 * SQLite and strings on MongoDB.
 */
export const checkCourseList: CollectionBeforeValidateHook = async ({ data, originalDoc, req, collection }) => {
  if (!data) return data
  const courseListId = relationId(data.courseList ?? originalDoc?.courseList)
  const organization = relationId(data.organization ?? originalDoc?.organization)
  if (courseListId === undefined || organization === undefined) return data
  // An id of the wrong shape (not an ObjectId on MongoDB) throws instead of finding nothing: both mean no such list.
  const courseList = await req.payload
    .findByID({ collection: 'course-lists', id: courseListId, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })
    .catch(() => null)
  if (!courseList) {
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'courseList', message: '找不到所选的课程清单，请重新选择。' }] }, req.t)
  }
  if (String(relationId(courseList.organization)) !== String(organization)) {
    const message = `课程清单《${courseList.title}》属于另一个机构，不能用它给本机构签发证书。请选择本机构的课程清单。`
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'courseList', message }] }, req.t)
  }
  if (!data.programme?.trim() && !originalDoc?.programme) data.programme = courseList.title.slice(0, 60)
  return data
}
