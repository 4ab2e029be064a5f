import type {
  AudienceCode,
  CategoryCode,
  ContentTypeCode,
  FamilySituationCode,
  GradeCode,
  StageCode,
} from '../vocabulary.ts'

/**
 * The public content contract: one published item as search, the site and
 * the widgets see it. Only published content is ever mapped to a record,
 * and nothing in it comes from CMS internals (ids, drafts, review notes).
 */
export interface PublicRecord {
  /** `${type}:${slug}`: the same on every database and stable across re-imports. */
  id: string
  type: ContentTypeCode
  slug: string
  /** Site-relative URL of the item's page. */
  url: string
  title: string
  summary: string
  /** Plain text of the body, for matching and snippets. */
  bodyText: string
  stages: StageCode[]
  grades: GradeCode[]
  /** Teaching order of the earliest grade (幼儿园小班 = 1 … 高三 = 15, special needs = 16); 99 without a grade. */
  gradeOrder: number
  /** Theme slugs, main theme first. */
  themes: string[]
  themeNames: string[]
  audience: AudienceCode[]
  category: CategoryCode | null
  durationMinutes: number | null
  familySituations: FamilySituationCode[]
  /** ISO 8601. */
  publishedAt: string
}

const sectionOfType: Record<ContentTypeCode, string> = {
  lesson: 'lessons',
  'micro-lesson': 'micro-lessons',
  'case-study': 'cases',
  'lesson-plan': 'plans',
  'activity-plan': 'activities',
}

/** The site URL of an item. */
export function urlFor(type: ContentTypeCode, slug: string): string {
  return `/${sectionOfType[type]}/${encodeURIComponent(slug)}/`
}

/** The stable record id of an item. */
export function recordId(type: ContentTypeCode, slug: string): string {
  return `${type}:${slug}`
}
