import type { PublicCourseList, PublicOrganization, PublicRecord, PublicTheme } from '@gongyu/contract'
import { contentTypes, grades, type ContentTypeCode, type GradeCode, type StageCode } from '@gongyu/contract'
import { planParts } from '../lib/planParts.ts'

/** Everything a page needs from the export, with the look-ups pages share (lists are shared between pages: never sort or change them in place). */
export interface Catalog {
  records: PublicRecord[]
  themes: PublicTheme[]
  organizations: PublicOrganization[]
  courseLists: PublicCourseList[]
  byId: Map<string, PublicRecord>
  ofType: (type: ContentTypeCode) => PublicRecord[]
  /** A grade's lessons in teaching order (`sequence`). */
  lessonsOfGrade: (grade: GradeCode) => PublicRecord[]
  ofStage: (type: ContentTypeCode, stage: StageCode) => PublicRecord[]
  ofTheme: (theme: string) => PublicRecord[]
  theme: (slug: string) => PublicTheme | undefined
  organization: (slug: string) => PublicOrganization | undefined
  /** Related records that exist in this export, in the order given. */
  related: (record: PublicRecord, type?: ContentTypeCode) => PublicRecord[]
}

const typeOrder = new Map<string, number>(contentTypes.map((type, index) => [type.code, index]))

/** Grade, then place in the grade, then title: the order parents read a bank in. */
export function teachingOrder(a: PublicRecord, b: PublicRecord): number {
  return (
    (typeOrder.get(a.type) ?? 9) - (typeOrder.get(b.type) ?? 9) ||
    a.gradeOrder - b.gradeOrder ||
    (a.sequence ?? 99) - (b.sequence ?? 99) ||
    a.title.localeCompare(b.title, 'zh-Hans-CN')
  )
}

/** The export's lists a catalog is made from. */
export interface CatalogParts {
  records: readonly PublicRecord[]
  themes: readonly PublicTheme[]
  organizations: readonly PublicOrganization[]
  courseLists: readonly PublicCourseList[]
}

/**
 * The catalog of one export, with no Astro import: pages get it through
 * loadCatalog (catalog.ts); the build's export worker makes its own for the
 * Word files (planFiles.ts).
 */
export function catalogOf(parts: CatalogParts): Catalog {
  // Copies: the export's own lists keep their order for the integrations.
  const records = [...parts.records].sort(teachingOrder)
  const themes = [...parts.themes]
  const organizations = [...parts.organizations]
  const courseLists = [...parts.courseLists].sort((a, b) => a.title.localeCompare(b.title, 'zh-Hans-CN'))
  const byId = new Map(records.map((record) => [record.id, record]))
  const gradeOrder = new Map<string, number>(grades.map((grade) => [grade.code, grade.order]))
  themes.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'))
  // Pages ask for the same lists again and again (every lesson page its grade's lessons): each is worked out once and kept.
  const remembered = new Map<string, PublicRecord[]>()
  const once = (key: string, make: () => PublicRecord[]) => {
    let list = remembered.get(key)
    if (!list) {
      list = make()
      remembered.set(key, list)
    }
    return list
  }
  const themeBySlug = new Map(themes.map((theme) => [theme.slug, theme]))
  const organizationBySlug = new Map(organizations.map((organization) => [organization.slug, organization]))
  return {
    records,
    themes,
    organizations,
    courseLists,
    byId,
    ofType: (type) => once(`type:${type}`, () => records.filter((record) => record.type === type)),
    lessonsOfGrade: (grade) =>
      once(`grade:${grade}`, () =>
        records.filter((record) => record.type === 'lesson' && record.grades.includes(grade)).sort((a, b) => (a.sequence ?? 99) - (b.sequence ?? 99)),
      ),
    ofStage: (type, stage) => once(`stage:${type}:${stage}`, () => records.filter((record) => record.type === type && record.stages.includes(stage))),
    ofTheme: (theme) => once(`theme:${theme}`, () => records.filter((record) => record.themes.includes(theme))),
    theme: (slug) => themeBySlug.get(slug),
    organization: (slug) => organizationBySlug.get(slug),
    related: (record, type) =>
      record.related
        .map((id) => byId.get(id))
        .filter((other): other is PublicRecord => Boolean(other) && (!type || other?.type === type))
        .sort((a, b) => (gradeOrder.get(a.grades[0] ?? '') ?? 99) - (gradeOrder.get(b.grades[0] ?? '') ?? 99) || teachingOrder(a, b)),
  }
}

/** A lesson plan with the lessons it belongs to, as the plan's pages and Word files need them. */
// A type, not an interface: Astro's static-path props must be assignable to a string-keyed record.
export type PlanPageProps = {
  record: PublicRecord
  lessons: PublicRecord[]
}

/** Every lesson plan of the catalog (or, with `handoutOnly`, those that have a parents' handout), with its lessons. */
export function plansOf(catalog: Catalog, { handoutOnly = false } = {}): PlanPageProps[] {
  return catalog
    .ofType('lesson-plan')
    .filter((record) => !handoutOnly || planParts(record).handout !== undefined)
    .map((record) => ({ record, lessons: catalog.related(record, 'lesson') }))
}
