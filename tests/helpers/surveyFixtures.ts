import type { Payload } from 'payload'

type Id = string | number

/**
 * A published course list whose second item is a session, and a published
 * survey about that session, in an organization of `payload` (the first one
 * when none is given). The lesson is any published one, or a new one.
 */
export async function createSessionSurvey(
  payload: Payload,
  options: { slug: string; organization?: Id; lesson: Id; requiresCode?: boolean; codeCount?: number },
): Promise<{ survey: Id; courseList: Id }> {
  const organization = options.organization ?? (await payload.find({ collection: 'organizations', limit: 1, depth: 0, sort: 'slug' })).docs[0]?.id
  if (organization === undefined) throw new Error('a survey needs an organization to belong to')
  const items = [
    { resource: { relationTo: 'lessons', value: options.lesson } },
    {
      resource: { relationTo: 'lessons', value: options.lesson },
      session: { startsAt: '2026-12-05T06:00:00.000Z', place: '学校礼堂', runBy: '班主任', hours: 1 },
    },
  ]
  const courseList = await payload.create({
    collection: 'course-lists',
    data: { title: '家长学校秋季课程', slug: `${options.slug}-list`, organization, items, _status: 'published' } as never,
  })
  const survey = await payload.create({
    collection: 'surveys',
    data: {
      title: '家长会满意度调查',
      slug: options.slug,
      organization,
      target: 'session',
      courseList: courseList.id,
      sessionNumber: 2,
      requiresCode: options.requiresCode ?? false,
      codeCount: options.codeCount ?? 0,
      _status: 'published',
    } as never,
  })
  return { survey: survey.id, courseList: courseList.id }
}
