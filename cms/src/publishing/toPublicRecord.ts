import { plainTextOf } from '../fields/plainTextOf'
import { gradeByCode, type ContentTypeCode, type GradeCode, type StageCode } from '@gongyu/search/vocabulary'
import { recordId, urlFor, type PublicRecord } from '@gongyu/search/record'

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
type ThemeLookup = (idOrDoc: unknown) => { slug: string; name: string } | undefined

const SUMMARY_LENGTH = 120

function rowsText(value: unknown, ...keys: string[]): string[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((row) => keys.map((key) => plainTextOf((row as Doc)[key])).filter(Boolean))
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

/**
 * The single mapping from a CMS document to the public record. Returns
 * undefined for anything that is not published, so a draft can never leave
 * the CMS through it.
 */
export function toPublicRecord(collection: PublicCollection, doc: Doc, themeOf: ThemeLookup): PublicRecord | undefined {
  if (doc._status !== 'published' || typeof doc.slug !== 'string' || typeof doc.title !== 'string') return undefined
  const type = publicCollections[collection]
  const themes = (Array.isArray(doc.themes) ? doc.themes : []).map(themeOf).filter((theme): theme is { slug: string; name: string } => Boolean(theme))
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
    case 'lessons': {
      const practice = (doc.practiceActivity ?? {}) as Doc
      return {
        ...base,
        summary: String(doc.summary ?? ''),
        bodyText: [plainTextOf(doc.body), plainTextOf(practice.title), plainTextOf(practice.instructions), ...rowsText(doc.objectives, 'text'), ...rowsText(doc.reflectionQuestions, 'text')].join('\n'),
        stages: stagesOf(grades, strings([doc.stage])),
        audience: strings(doc.audience) as PublicRecord['audience'],
        category: (doc.category as PublicRecord['category']) ?? null,
        durationMinutes: typeof doc.durationMinutes === 'number' ? doc.durationMinutes : null,
        familySituations: [],
      }
    }
    case 'micro-lessons': {
      const transcript = plainTextOf(doc.transcript)
      return {
        ...base,
        summary: excerpt(transcript),
        bodyText: transcript,
        stages: stagesOf(grades, []),
        audience: ['parents'],
        category: null,
        durationMinutes: typeof doc.durationSeconds === 'number' ? Math.round(doc.durationSeconds / 6) / 10 : null,
        familySituations: [],
      }
    }
    case 'case-studies': {
      const sections = ['background', 'problem', 'strategy', 'outcome'].map((field) => plainTextOf(doc[field]))
      return {
        ...base,
        summary: excerpt(sections[1] || sections[0] || ''),
        bodyText: sections.join('\n'),
        stages: stagesOf(grades, strings([doc.stage])),
        audience: ['parents', 'teachers'],
        category: null,
        durationMinutes: null,
        familySituations: strings(doc.familySituations) as PublicRecord['familySituations'],
      }
    }
    case 'lesson-plans':
      return {
        ...base,
        summary: excerpt(rowsText(doc.objectives, 'text').join('；')),
        bodyText: [plainTextOf(doc.preparation), ...rowsText(doc.steps, 'activity', 'teacherActions', 'parentActions'), plainTextOf(doc.handoutContent), plainTextOf(doc.evaluation)].join('\n'),
        stages: stagesOf(grades, []),
        audience: ['teachers'],
        category: null,
        durationMinutes: typeof doc.durationMinutes === 'number' ? doc.durationMinutes : null,
        familySituations: [],
      }
    case 'activity-plans': {
      const overview = plainTextOf(doc.overview)
      return {
        ...base,
        summary: excerpt(overview),
        bodyText: [overview, ...rowsText(doc.goals, 'text'), ...rowsText(doc.steps, 'title', 'detail'), ...rowsText(doc.safetyNotes, 'text')].join('\n'),
        stages: stagesOf(grades, strings(doc.stages)),
        audience: ['parents'],
        category: null,
        durationMinutes: null,
        familySituations: [],
      }
    }
  }
}
