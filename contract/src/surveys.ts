import { z } from 'zod'

/** The URL segment of a survey answer at the CMS's one anonymous endpoint: `POST /api/anonymous/survey-answer`. */
export const SURVEY_ANSWER_KIND = 'survey-answer'

/** 满意度调查 (issue 17): five questions scored 1 (很不满意) to 5 (很满意), plus one free-text question. */
export const SURVEY_QUESTION_COUNT = 5
export const SURVEY_SCORE_RANGE = { min: 1, max: 5 } as const

/** Groups with fewer answers than this are hidden in reports, so that nobody's answer can be picked out. */
export const SURVEY_REPORT_THRESHOLD = 10

/** Limits shared by the CMS's validation and the site's form (`maxlength`). */
export const surveyLimits = {
  title: 60,
  intro: 200,
  question: 60,
  comment: 500,
  code: 16,
  codesPerSurvey: 500,
} as const

/** The form fields of one answer, as the site's form posts them. */
export const surveyAnswerFields = {
  survey: 'survey',
  scores: ['q1', 'q2', 'q3', 'q4', 'q5'],
  comment: 'comment',
  code: 'code',
} as const

/** What the parent answers about: a parent-school session, an event or a whole course list. */
export const surveyTargets = [
  { code: 'session', label: '家长学校活动' },
  { code: 'event', label: '讲座或活动' },
  { code: 'course-list', label: '课程清单' },
] as const

/** The questions a new survey starts with; an org-admin may reword them. */
export const defaultSurveyQuestions = [
  '活动内容对您有帮助吗？',
  '讲解清楚、容易听懂吗？',
  '时间和地点安排方便吗？',
  '您愿意把这些方法用在家里吗？',
  '总体上，您对这次活动满意吗？',
] as const

export const DEFAULT_FREE_TEXT_QUESTION = '还有什么想告诉我们的？（选填）'

/** A published survey as the site shows it: the questions only, never an answer or a count. */
export const publicSurveySchema = z.object({
  slug: z.string(),
  title: z.string(),
  intro: z.string(),
  organization: z.string(),
  target: z.enum(surveyTargets.map((target) => target.code) as ['session', 'event', 'course-list']),
  /** The title of the session's course list, the event or the course list. */
  about: z.string(),
  questions: z.array(z.string()).length(SURVEY_QUESTION_COUNT),
  freeTextQuestion: z.string(),
  /** True when every answer needs a printed one-time code. */
  requiresCode: z.boolean(),
})

export type PublicSurvey = z.infer<typeof publicSurveySchema>
