/**
 * The controlled vocabulary of the public content contract: stages, grades
 * (in teaching order), categories, audiences, family situations, source types
 * and occasions. The CMS, the seed, search and the site all read these codes
 * from here, so a label changes in one place only.
 */

export const stages = [
  { code: 'kindergarten', label: '幼儿园' },
  { code: 'primary', label: '小学' },
  { code: 'junior', label: '初中' },
  { code: 'senior', label: '高中' },
  { code: 'special', label: '特殊需要儿童家庭' },
] as const

export type StageCode = (typeof stages)[number]['code']

/** Grades in teaching order; `order` is what "sort by grade" sorts on. */
export const grades = [
  { code: 'k1', label: '幼儿园小班', short: '小班', stage: 'kindergarten', order: 1 },
  { code: 'k2', label: '幼儿园中班', short: '中班', stage: 'kindergarten', order: 2 },
  { code: 'k3', label: '幼儿园大班', short: '大班', stage: 'kindergarten', order: 3 },
  { code: 'p1', label: '一年级', short: '一年级', stage: 'primary', order: 4 },
  { code: 'p2', label: '二年级', short: '二年级', stage: 'primary', order: 5 },
  { code: 'p3', label: '三年级', short: '三年级', stage: 'primary', order: 6 },
  { code: 'p4', label: '四年级', short: '四年级', stage: 'primary', order: 7 },
  { code: 'p5', label: '五年级', short: '五年级', stage: 'primary', order: 8 },
  { code: 'p6', label: '六年级', short: '六年级', stage: 'primary', order: 9 },
  { code: 'j1', label: '初一', short: '初一', stage: 'junior', order: 10 },
  { code: 'j2', label: '初二', short: '初二', stage: 'junior', order: 11 },
  { code: 'j3', label: '初三', short: '初三', stage: 'junior', order: 12 },
  { code: 's1', label: '高一', short: '高一', stage: 'senior', order: 13 },
  { code: 's2', label: '高二', short: '高二', stage: 'senior', order: 14 },
  { code: 's3', label: '高三', short: '高三', stage: 'senior', order: 15 },
  { code: 'special', label: '特殊需要儿童家庭', short: '特殊需要', stage: 'special', order: 16 },
] as const

export type GradeCode = (typeof grades)[number]['code']

export const categories = [
  { code: 'general', label: '通识课' },
  { code: 'basic', label: '基础课' },
  { code: 'custom', label: '定制课' },
  { code: 'online', label: '网络课' },
] as const

export type CategoryCode = (typeof categories)[number]['code']

export const audiences = [
  { code: 'parents', label: '父母' },
  { code: 'grandparents', label: '祖辈' },
  { code: 'teachers', label: '教师' },
] as const

export type AudienceCode = (typeof audiences)[number]['code']

export const familySituations = [
  { code: 'left-behind', label: '留守' },
  { code: 'migrant', label: '流动' },
  { code: 'grandparent', label: '隔代' },
  { code: 'single-parent', label: '单亲' },
  { code: 'special-needs', label: '特殊需要' },
  { code: 'rural', label: '农村' },
  { code: 'blended', label: '重组家庭' },
  { code: 'dual-career', label: '双职工' },
  { code: 'multi-child', label: '多孩' },
] as const

export type FamilySituationCode = (typeof familySituations)[number]['code']

export const caseSourceTypes = [
  { code: 'school', label: '学校' },
  { code: 'community', label: '社区' },
  { code: 'family', label: '家庭' },
  { code: 'social-org', label: '社会组织' },
] as const

export type CaseSourceTypeCode = (typeof caseSourceTypes)[number]['code']

export const occasions = [
  { code: 'spring-festival', label: '春节' },
  { code: 'lantern-festival', label: '元宵节' },
  { code: 'qingming', label: '清明节' },
  { code: 'labor-day', label: '劳动节' },
  { code: 'family-day', label: '5·15国际家庭日' },
  { code: 'childrens-day', label: '六一儿童节' },
  { code: 'dragon-boat', label: '端午节' },
  { code: 'mid-autumn', label: '中秋节' },
  { code: 'teachers-day', label: '教师节' },
  { code: 'national-day', label: '国庆节' },
  { code: 'double-ninth', label: '重阳节' },
  { code: 'school-start', label: '开学季' },
  { code: 'pre-exam', label: '考前' },
  { code: 'graduation', label: '毕业季' },
  { code: 'winter-break', label: '寒假' },
  { code: 'summer-break', label: '暑假' },
] as const

export type OccasionCode = (typeof occasions)[number]['code']

export const organizationTypes = [
  { code: 'parent-school', label: '家长学校' },
  { code: 'kindergarten', label: '幼儿园' },
  { code: 'school', label: '中小学' },
  { code: 'community-workshop', label: '社区工作坊' },
  { code: 'education-bureau', label: '教育局' },
] as const

export type OrganizationTypeCode = (typeof organizationTypes)[number]['code']

/**
 * The content types. `label` is the expert's word, used in the admin;
 * `parentLabel` is what the parents' site says (issue 14: a grandmother does
 * not know 微课 or 典型案例).
 */
export const contentTypes = [
  { code: 'lesson', label: '专题课程', parentLabel: '家长课' },
  { code: 'micro-lesson', label: '微课', parentLabel: '短视频课' },
  { code: 'case-study', label: '典型案例', parentLabel: '别人家的故事' },
  { code: 'lesson-plan', label: '教案', parentLabel: '教案' },
  { code: 'activity-plan', label: '活动方案', parentLabel: '活动方案' },
  { code: 'event', label: '活动日历', parentLabel: '讲座和活动' },
] as const

export type ContentTypeCode = (typeof contentTypes)[number]['code']

/** Kinds of event on the calendar (活动日历, issue 17). */
export const eventKinds = [
  { code: 'lecture', label: '专家讲座' },
  { code: 'parent-school-session', label: '家长学校课' },
  { code: 'workshop', label: '亲子工作坊' },
] as const

export type EventKindCode = (typeof eventKinds)[number]['code']

/** Where an event happens: at a place, or on a live stream. */
export const eventModes = [
  { code: 'in-person', label: '线下' },
  { code: 'online', label: '线上直播' },
] as const

export type EventModeCode = (typeof eventModes)[number]['code']

/** The time zone every event's times are given in, whatever the reader's phone is set to. */
export const EVENT_TIME_ZONE = 'Asia/Shanghai'

/**
 * Field names and units the experts use, with the words parents read on the
 * site instead. 千比特 has no parent word: the site says megabytes (MB) of
 * data, as phone bills do, and never a bit rate.
 */
export const terms = [
  { code: 'stage', label: '学段', parentLabel: '孩子阶段' },
  { code: 'category', label: '课程类别', parentLabel: '内容类型' },
  { code: 'transcript', label: '逐字稿', parentLabel: '文字稿' },
  { code: 'data-rate', label: '千比特', parentLabel: '流量（MB）' },
] as const

export type TermCode = (typeof terms)[number]['code']

type ParentWorded = { readonly code: string; readonly label: string; readonly parentLabel: string }

/** The word parents read for a code (its `parentLabel`), or undefined when the code is unknown. */
export function parentLabelOf<T extends ParentWorded>(list: readonly T[], code: string): string | undefined {
  return list.find((item) => item.code === code)?.parentLabel
}

/** The word parents read for an expert term, e.g. parentTerm('stage') → 孩子阶段. */
export function parentTerm(code: TermCode): string {
  return terms.find((term) => term.code === code)?.parentLabel ?? code
}

/** Every grade has this many lessons in the starter bank; the CMS takes any number more (issue 14). */
export const LESSONS_PER_GRADE = 20

type Coded = { readonly code: string; readonly label: string }

/** The codes of a vocabulary, for select options and validation. */
export function codesOf<T extends Coded>(list: readonly T[]): T['code'][] {
  return list.map((item) => item.code)
}

/** The Chinese label for a code, or undefined when the code is unknown. */
export function labelOf<T extends Coded>(list: readonly T[], code: string): string | undefined {
  return list.find((item) => item.code === code)?.label
}

/** Looks a grade up by its code. */
export function gradeByCode(code: string) {
  return grades.find((grade) => grade.code === code)
}
