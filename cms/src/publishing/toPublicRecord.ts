import { plainTextOf } from '../fields/plainTextOf'
import { gradeByCode, type ContentTypeCode, type GradeCode, type StageCode } from '@gongyu/search/vocabulary'
import { recordId, urlFor, type PublicRecord, type PublicSection, type PublicVideo } from '@gongyu/search/record'
import { escapeHtml } from '@gongyu/search'
import type { MediaLookup } from './mediaLookup'
import { htmlOf, listHtml } from './sectionHtml'

/** The CMS collections whose published documents become public records, with their record type. */
export const publicCollections = {
  lessons: 'lesson',
  'micro-lessons': 'micro-lesson',
  'case-studies': 'case-study',
  'lesson-plans': 'lesson-plan',
  'activity-plans': 'activity-plan',
} as const satisfies Record<string, ContentTypeCode>

export type PublicCollection = keyof typeof publicCollections

type Doc = Record<string, unknown>

/** What the mapping needs from outside the document: referenced themes, records and videos. */
export interface RecordLookups {
  themeOf: (idOrDoc: unknown) => { slug: string; name: string } | undefined
  /** The record id of a referenced published document; undefined for drafts and missing ones. */
  recordIdOf: (collection: PublicCollection, idOrDoc: unknown) => string | undefined
  /** The theme references of a published lesson (a lesson plan has the themes of its lesson). */
  lessonThemesOf: (idOrDoc: unknown) => unknown[]
  /** The playable video of an upload, once it is transcoded. */
  videoOf: (idOrDoc: unknown, captions: unknown) => PublicVideo | null
  /** The media document a rich-text upload node names; without it, uploads render nothing. */
  mediaOf?: MediaLookup
}

const SUMMARY_LENGTH = 120

function rowTexts(value: unknown, key: string): string[] {
  if (!Array.isArray(value)) return []
  return value.map((row) => plainTextOf((row as Doc)[key])).filter(Boolean)
}

function rowsText(value: unknown, ...keys: string[]): string[] {
  return keys.length === 1
    ? rowTexts(value, keys[0]!)
    : (Array.isArray(value) ? value : []).flatMap((row) => keys.map((key) => plainTextOf((row as Doc)[key])).filter(Boolean))
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > SUMMARY_LENGTH ? `${flat.slice(0, SUMMARY_LENGTH)}…` : flat
}

function stagesOf(grades: string[], explicit: string[]): StageCode[] {
  const fromGrades = grades.map((grade) => gradeByCode(grade)?.stage).filter((stage): stage is StageCode => Boolean(stage))
  return [...new Set([...(explicit as StageCode[]), ...fromGrades])]
}

function sections(...parts: [key: string, heading: string, html: string][]): PublicSection[] {
  return parts.filter(([, , html]) => html !== '').map(([key, heading, html]) => ({ key, heading, html }))
}

function numberOr(value: unknown): number | null {
  return typeof value === 'number' ? value : null
}

function idsOf(value: unknown): unknown[] {
  if (value === null || value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

type Detail = Omit<PublicRecord, 'id' | 'type' | 'slug' | 'url' | 'title' | 'grades' | 'gradeOrder' | 'themes' | 'themeNames' | 'publishedAt'>
/** Fresh defaults for the fields most types leave empty (fresh, because records are later edited in place). */
function none() {
  return {
    sequence: null,
    month: null,
    occasion: null,
    presenter: null,
    video: null,
    category: null,
    durationMinutes: null,
    familySituations: [] as PublicRecord['familySituations'],
  }
}

function lessonDetail(doc: Doc, grades: string[], lookups: RecordLookups): Detail {
  const practice = (doc.practiceActivity ?? {}) as Doc
  const objectives = rowTexts(doc.objectives, 'text')
  const questions = rowTexts(doc.reflectionQuestions, 'text')
  const practiceTitle = plainTextOf(practice.title)
  return {
    ...none(),
    summary: String(doc.summary ?? ''),
    bodyText: [plainTextOf(doc.body), practiceTitle, plainTextOf(practice.instructions), ...objectives, ...questions].join('\n'),
    sections: sections(
      ['objectives', '学习目标', listHtml(objectives)],
      ['body', '课程内容', htmlOf(doc.body, lookups.mediaOf)],
      ['practice', practiceTitle ? `亲子练习：${practiceTitle}` : '亲子练习', htmlOf(practice.instructions, lookups.mediaOf)],
      ['reflection', '反思问题', listHtml(questions, true)],
    ),
    related: [
      ...idsOf(doc.relatedMicroLessons).map((id) => lookups.recordIdOf('micro-lessons', id)),
      ...idsOf(doc.relatedCaseStudies).map((id) => lookups.recordIdOf('case-studies', id)),
      ...idsOf(doc.lessonPlan).map((id) => lookups.recordIdOf('lesson-plans', id)),
    ].filter((id): id is string => Boolean(id)),
    stages: stagesOf(grades, strings([doc.stage])),
    audience: strings(doc.audience) as PublicRecord['audience'],
    category: (doc.category as PublicRecord['category']) ?? null,
    durationMinutes: numberOr(doc.durationMinutes),
    sequence: numberOr(doc.sequence),
  }
}

function microLessonDetail(doc: Doc, grades: string[], lookups: RecordLookups): Detail {
  const transcript = plainTextOf(doc.transcript)
  return {
    ...none(),
    summary: excerpt(transcript),
    bodyText: transcript,
    sections: sections(['transcript', '逐字稿', htmlOf(doc.transcript)]),
    related: idsOf(doc.lesson)
      .map((id) => lookups.recordIdOf('lessons', id))
      .filter((id): id is string => Boolean(id)),
    stages: stagesOf(grades, []),
    audience: ['parents'],
    durationMinutes: typeof doc.durationSeconds === 'number' ? Math.round(doc.durationSeconds / 6) / 10 : null,
    presenter: typeof doc.presenter === 'string' ? doc.presenter : null,
    video: lookups.videoOf(doc.video, doc.captions),
  }
}

const caseSections = [
  ['background', '背景'],
  ['problem', '问题描述'],
  ['strategy', '解决策略'],
  ['outcome', '结果评估'],
] as const

function caseStudyDetail(doc: Doc, grades: string[], lookups: RecordLookups): Detail {
  const texts = caseSections.map(([field]) => plainTextOf(doc[field]))
  return {
    ...none(),
    summary: excerpt(texts[1] || texts[0] || ''),
    bodyText: texts.join('\n'),
    sections: sections(...caseSections.map(([field, heading]) => [field, heading, htmlOf(doc[field], lookups.mediaOf)] as [string, string, string])),
    related: [],
    stages: stagesOf(grades, strings([doc.stage])),
    audience: ['parents', 'teachers'],
    familySituations: strings(doc.familySituations) as PublicRecord['familySituations'],
  }
}

function stepsHtml(steps: unknown): string {
  if (!Array.isArray(steps) || steps.length === 0) return ''
  return `<ol>${steps
    .map((step) => {
      const row = step as Doc
      const minutes = typeof row.minutes === 'number' ? `（${row.minutes} 分钟）` : ''
      return `<li><strong>${escapeHtml(plainTextOf(row.activity) + minutes)}</strong>${htmlOf(`教师：${plainTextOf(row.teacherActions)}`)}${htmlOf(`家长：${plainTextOf(row.parentActions)}`)}</li>`
    })
    .join('')}</ol>`
}

function lessonPlanDetail(doc: Doc, grades: string[], lookups: RecordLookups): Detail {
  const objectives = rowTexts(doc.objectives, 'text')
  return {
    ...none(),
    summary: excerpt(objectives.join('；')),
    bodyText: [
      plainTextOf(doc.preparation),
      ...rowsText(doc.steps, 'activity', 'teacherActions', 'parentActions'),
      plainTextOf(doc.handoutContent),
      plainTextOf(doc.evaluation),
    ].join('\n'),
    sections: sections(
      ['objectives', '活动目标', listHtml(objectives)],
      ['preparation', '课前准备', htmlOf(doc.preparation)],
      ['materials', '材料', listHtml(rowTexts(doc.materials, 'text'))],
      ['steps', '活动流程', stepsHtml(doc.steps)],
      ['handout', '家长学习单', htmlOf(doc.handoutContent, lookups.mediaOf)],
      ['evaluation', '效果评估', htmlOf(doc.evaluation)],
    ),
    related: idsOf(doc.lesson)
      .map((id) => lookups.recordIdOf('lessons', id))
      .filter((id): id is string => Boolean(id)),
    stages: stagesOf(grades, []),
    audience: ['teachers'],
    durationMinutes: numberOr(doc.durationMinutes),
  }
}

function stepRowsHtml(steps: unknown): string {
  if (!Array.isArray(steps) || steps.length === 0) return ''
  return `<ol>${steps.map((step) => `<li><strong>${escapeHtml(plainTextOf((step as Doc).title))}</strong>${htmlOf((step as Doc).detail)}</li>`).join('')}</ol>`
}

function activityPlanDetail(doc: Doc, grades: string[], lookups: RecordLookups): Detail {
  const overview = plainTextOf(doc.overview)
  const goals = rowTexts(doc.goals, 'text')
  const safety = rowTexts(doc.safetyNotes, 'text')
  return {
    ...none(),
    summary: excerpt(overview),
    bodyText: [overview, ...goals, ...rowsText(doc.steps, 'title', 'detail'), ...safety].join('\n'),
    sections: sections(
      ['overview', '活动概述', htmlOf(doc.overview, lookups.mediaOf)],
      ['goals', '活动目标', listHtml(goals)],
      ['steps', '活动步骤', stepRowsHtml(doc.steps)],
      ['materials', '材料', listHtml(rowTexts(doc.materials, 'text'))],
      ['safety', '安全提示', listHtml(safety)],
    ),
    related: [],
    stages: stagesOf(grades, strings(doc.stages)),
    audience: ['parents'],
    month: numberOr(doc.month),
    occasion: (typeof doc.occasion === 'string' ? doc.occasion : null) as PublicRecord['occasion'],
  }
}

/**
 * The single mapping from a CMS document to the public record. Returns
 * undefined for anything that is not published, so a draft can never leave
 * the CMS through it.
 */
export function toPublicRecord(collection: PublicCollection, doc: Doc, lookups: RecordLookups): PublicRecord | undefined {
  if (doc._status !== 'published' || typeof doc.slug !== 'string' || typeof doc.title !== 'string') return undefined
  const type = publicCollections[collection]
  const themeRefs = Array.isArray(doc.themes) && doc.themes.length > 0 ? doc.themes : collection === 'lesson-plans' ? lookups.lessonThemesOf(doc.lesson) : []
  const themes = themeRefs.map(lookups.themeOf).filter((theme): theme is { slug: string; name: string } => Boolean(theme))
  const grades = [...strings(doc.grades), ...(typeof doc.grade === 'string' ? [doc.grade] : [])] as GradeCode[]
  const base = {
    id: recordId(type, doc.slug),
    type,
    slug: doc.slug,
    url: urlFor(type, doc.slug),
    title: doc.title,
    grades,
    gradeOrder: Math.min(99, ...grades.map((grade) => gradeByCode(grade)?.order ?? 99)),
    themes: themes.map((theme) => theme.slug),
    themeNames: themes.map((theme) => theme.name),
    publishedAt: new Date(String(doc.updatedAt ?? doc.createdAt ?? Date.now())).toISOString(),
  }
  switch (collection) {
    case 'lessons':
      return { ...base, ...lessonDetail(doc, grades, lookups) }
    case 'micro-lessons':
      return { ...base, ...microLessonDetail(doc, grades, lookups) }
    case 'case-studies':
      return { ...base, ...caseStudyDetail(doc, grades, lookups) }
    case 'lesson-plans':
      return { ...base, ...lessonPlanDetail(doc, grades, lookups) }
    case 'activity-plans':
      return { ...base, ...activityPlanDetail(doc, grades, lookups) }
  }
}
