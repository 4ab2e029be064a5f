import type { PublicRecord } from '@gongyu/contract'
import { minutesLabel } from './labels.ts'

/** A micro-lesson's form: a playable video, a video still being transcoded, or a text lesson (图文课) with no video at all. */
export type MicroLessonForm = 'video' | 'pending' | 'text'

/** Which form a micro-lesson's record is in. */
export function microLessonForm(record: Pick<PublicRecord, 'video' | 'videoPending'>): MicroLessonForm {
  if (record.video) return 'video'
  return record.videoPending ? 'pending' : 'text'
}

/** “12 秒”, “4 分钟”, “4 分 30 秒”: a video's real length, to the second. */
export function secondsLabel(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds))
  const minutes = Math.floor(whole / 60)
  const rest = whole % 60
  if (minutes === 0) return `${rest} 秒`
  return rest === 0 ? `${minutes} 分钟` : `${minutes} 分 ${rest} 秒`
}

/**
 * The facts a micro-lesson's page lists about its length: the real video's
 * length once there is one (never the written figure, which can be far off),
 * the written length while the video is being transcoded, and for a text
 * lesson its form and the written length.
 */
export function microLessonLengthFacts(record: Pick<PublicRecord, 'video' | 'videoPending' | 'durationMinutes'>): { term: string; value: string }[] {
  const minutes = minutesLabel(record.durationMinutes)
  switch (microLessonForm(record)) {
    case 'video':
      return [{ term: '视频时长', value: secondsLabel(record.video?.durationSeconds ?? 0) }]
    case 'pending':
      return minutes ? [{ term: '视频时长', value: minutes }] : []
    case 'text':
      return [{ term: '形式', value: '图文课（没有视频）' }, ...(minutes ? [{ term: '用时', value: minutes }] : [])]
  }
}

/** A micro-lesson's length in a list's meta line: “视频 12 秒”, or “图文课 · 5 分钟” for a text lesson. */
export function microLessonLengthMeta(record: Pick<PublicRecord, 'video' | 'videoPending' | 'durationMinutes'>): string {
  const minutes = minutesLabel(record.durationMinutes)
  switch (microLessonForm(record)) {
    case 'video':
      return `视频 ${secondsLabel(record.video?.durationSeconds ?? 0)}`
    case 'pending':
      return minutes ? `视频 ${minutes}` : ''
    case 'text':
      return minutes ? `图文课 · ${minutes}` : '图文课'
  }
}
