import { GongyuCourseList } from './GongyuCourseList.ts'

export const COURSE_LIST_TAG = 'gongyu-course-list'

/** Registers `<gongyu-course-list>`; when the script is on a page twice, the second call does nothing. */
export function defineCourseList(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(COURSE_LIST_TAG)) registry.define(COURSE_LIST_TAG, GongyuCourseList)
}
