import type { PublicRecord } from '@gongyu/contract'
import { plainTextOf } from '../../fields/plainTextOf'
import type { Lesson } from '../../payload-types'
import { recordBase } from '../../publishing/recordBase'
import type { RecordLookups } from '../../publishing/recordLookups'
import { recordSections } from '../../publishing/recordSections'
import { textsOf } from '../../publishing/recordText'
import { relatedRecordIds } from '../../publishing/relatedRecordIds'
import { htmlOf, listHtml } from '../../publishing/sectionHtml'
import { stagesOf } from '../../publishing/stagesOf'

/** The public record of a published lesson (专题课程); undefined for a draft. */
export function lessonToPublicRecord(lesson: Lesson, lookups: RecordLookups): PublicRecord | undefined {
  const base = recordBase({ type: 'lesson', doc: lesson, grades: [lesson.grade], themes: lesson.themes }, lookups)
  if (!base) return undefined
  const { practiceActivity } = lesson
  const objectives = textsOf(lesson.objectives)
  const questions = textsOf(lesson.reflectionQuestions)
  return {
    ...base,
    summary: lesson.summary ?? '',
    bodyText: [plainTextOf(lesson.body), practiceActivity.title, plainTextOf(practiceActivity.instructions), ...objectives, ...questions].join('\n'),
    sections: recordSections(
      ['objectives', '学习目标', listHtml(objectives)],
      ['body', '课程内容', htmlOf(lesson.body, lookups.mediaOf)],
      ['practice', practiceActivity.title ? `亲子练习：${practiceActivity.title}` : '亲子练习', htmlOf(practiceActivity.instructions, lookups.mediaOf)],
      ['reflection', '反思问题', listHtml(questions, true)],
    ),
    related: relatedRecordIds(
      lookups,
      ['micro-lessons', lesson.relatedMicroLessons],
      ['case-studies', lesson.relatedCaseStudies],
      ['lesson-plans', lesson.lessonPlan],
    ),
    stages: stagesOf([lesson.grade], lesson.stage ? [lesson.stage] : []),
    audience: lesson.audience,
    category: lesson.category,
    durationMinutes: lesson.durationMinutes,
    sequence: lesson.sequence,
    core: lesson.core === true,
  }
}
