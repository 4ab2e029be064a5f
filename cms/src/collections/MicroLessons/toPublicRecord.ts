import type { PublicRecord } from '@gongyu/contract'
import type { MicroLesson } from '../../payload-types'
import { recordBase } from '../../publishing/recordBase'
import type { RecordLookups } from '../../publishing/recordLookups'
import { recordSections } from '../../publishing/recordSections'
import { excerpt } from '../../publishing/recordText'
import { relatedRecordIds } from '../../publishing/relatedRecordIds'
import { htmlOf } from '../../publishing/sectionHtml'
import { stagesOf } from '../../publishing/stagesOf'

/** The public record of a published micro-lesson (微课), with its video once transcoded; undefined for a draft. */
export function microLessonToPublicRecord(microLesson: MicroLesson, lookups: RecordLookups): PublicRecord | undefined {
  const base = recordBase({ type: 'micro-lesson', doc: microLesson, grades: microLesson.grades, themes: microLesson.themes }, lookups)
  if (!base) return undefined
  const transcript = microLesson.transcript ?? ''
  return {
    ...base,
    summary: excerpt(transcript),
    bodyText: transcript,
    sections: recordSections(['transcript', '逐字稿', htmlOf(transcript)]),
    related: relatedRecordIds(lookups, ['lessons', microLesson.lesson]),
    stages: stagesOf(microLesson.grades),
    audience: ['parents'],
    // Minutes to one decimal, as the site shows a short video's length.
    durationMinutes: typeof microLesson.durationSeconds === 'number' ? Math.round(microLesson.durationSeconds / 6) / 10 : null,
    presenter: microLesson.presenter ?? null,
    video: lookups.videoOf(microLesson.video, microLesson.captions),
  }
}
