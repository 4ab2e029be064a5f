import { type PublicRecord, type PublicVideo, parentTerm } from '@gongyu/contract'
import type { MicroLesson } from '../../payload-types'
import { recordBase } from '../../publishing/recordBase'
import type { RecordLookups } from '../../publishing/recordLookups'
import { recordSections } from '../../publishing/recordSections'
import { excerpt } from '../../publishing/recordText'
import { relatedRecordIds } from '../../publishing/relatedRecordIds'
import { htmlOf } from '../../publishing/sectionHtml'
import { stagesOf } from '../../publishing/stagesOf'

/**
 * The length a micro-lesson's record states: the transcoded video's real length (to the second) once it
 * is playable, since an editor's written figure can be far off (issue 14: a 12 s sample said 5 minutes);
 * the written length, to a tenth of a minute, only for a text lesson or a video still being transcoded.
 */
function durationMinutesOf(microLesson: Pick<MicroLesson, 'durationSeconds'>, video: PublicVideo | null): number | null {
  if (video && video.durationSeconds > 0) return Math.max(1, Math.round(video.durationSeconds)) / 60
  return typeof microLesson.durationSeconds === 'number' ? Math.round(microLesson.durationSeconds / 6) / 10 : null
}

/** The public record of a published micro-lesson (微课), with its video once transcoded; undefined for a draft. */
export function microLessonToPublicRecord(microLesson: MicroLesson, lookups: RecordLookups): PublicRecord | undefined {
  const base = recordBase({ type: 'micro-lesson', doc: microLesson, grades: microLesson.grades, themes: microLesson.themes }, lookups)
  if (!base) return undefined
  const transcript = microLesson.transcript ?? ''
  const video = lookups.videoOf(microLesson.video, microLesson.captions)
  return {
    ...base,
    summary: excerpt(transcript),
    bodyText: transcript,
    // Parents read 文字稿, as the video slot says (逐字稿 is the editors' word, issue 14).
    sections: recordSections(['transcript', parentTerm('transcript'), htmlOf(transcript)]),
    related: relatedRecordIds(lookups, ['lessons', microLesson.lesson]),
    stages: stagesOf(microLesson.grades),
    audience: ['parents'],
    durationMinutes: durationMinutesOf(microLesson, video),
    presenter: microLesson.presenter ?? null,
    video,
    // Attached but not transcoded (queued, processing or failed): the page says 视频准备中, not 图文课.
    videoPending: microLesson.video !== null && microLesson.video !== undefined && video === null,
  }
}
