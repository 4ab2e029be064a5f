import type { Payload } from 'payload'
import type { PublicSurvey } from '@gongyu/contract'
import type { Survey } from '../../payload-types'
import { surveyToPublicSurvey } from './toPublicSurvey'

type Id = string | number

function idOf(value: unknown): Id | undefined {
  if (value && typeof value === 'object') return (value as { id?: Id }).id
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}

/**
 * Every published survey for the public export, read as an anonymous visitor;
 * a survey about a course list or event that is not published is left out.
 */
export async function readPublishedSurveys(
  payload: Payload,
  organizationSlugOf: (value: Survey['organization']) => string | undefined,
): Promise<PublicSurvey[]> {
  const read = { depth: 0, draft: false, overrideAccess: false, limit: 0, pagination: false } as const
  const surveys = await payload.find({ collection: 'surveys', ...read, sort: 'createdAt' })
  if (surveys.docs.length === 0) return []
  const courseLists = await payload.find({ collection: 'course-lists', ...read, select: { title: true } })
  const events = await payload.find({ collection: 'events', ...read, select: { title: true } })
  const courseListTitles = new Map<Id, string>(courseLists.docs.map((doc) => [doc.id, doc.title]))
  const eventTitles = new Map<Id, string>(events.docs.map((doc) => [doc.id, doc.title]))
  const lookups = {
    organizationSlugOf,
    courseListTitleOf: (value: Survey['courseList']) => courseListTitles.get(idOf(value) as Id),
    eventTitleOf: (value: Survey['event']) => eventTitles.get(idOf(value) as Id),
  }
  return surveys.docs.map((survey) => surveyToPublicSurvey(survey, lookups)).filter((survey) => survey !== undefined)
}
