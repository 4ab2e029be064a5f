import type { PublicSurvey } from '@gongyu/contract'
import type { Survey } from '../../payload-types'

/** What a survey names, for its page: the course list's or event's title, and the session's item number. */
export interface SurveyLookups {
  organizationSlugOf: (value: Survey['organization']) => string | undefined
  courseListTitleOf: (value: Survey['courseList']) => string | undefined
  eventTitleOf: (value: Survey['event']) => string | undefined
}

/** A published survey as the site shows it; undefined for a draft or one whose subject is not public. Answers never leave the CMS. */
export function surveyToPublicSurvey(survey: Survey, lookups: SurveyLookups): PublicSurvey | undefined {
  if (survey._status !== 'published') return undefined
  const organization = lookups.organizationSlugOf(survey.organization)
  const subject = survey.target === 'event' ? lookups.eventTitleOf(survey.event) : lookups.courseListTitleOf(survey.courseList)
  if (!organization || !subject) return undefined
  return {
    slug: survey.slug,
    title: survey.title,
    intro: survey.intro ?? '',
    organization,
    target: survey.target,
    about: survey.target === 'session' ? `${subject} · 第 ${survey.sessionNumber} 课` : subject,
    questions: (survey.questions ?? []).map((question) => question.text),
    freeTextQuestion: survey.freeTextQuestion,
    requiresCode: Boolean(survey.requiresCode),
  }
}
