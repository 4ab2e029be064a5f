import { type CollectionEntry, getCollection } from 'astro:content'
import type { PublicCourseList, PublicOrganization, PublicRecord, PublicTheme } from '@gongyu/contract'
import { contentTypes, grades, type ContentTypeCode, type GradeCode, type StageCode } from '@gongyu/contract'

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

type CollectionName = 'records' | 'themes' | 'organizations' | 'courseLists'

async function dataOf<C extends CollectionName>(name: C): Promise<CollectionEntry<C>['data'][]> {
  const entries: CollectionEntry<C>[] = await getCollection(name)
  return entries.map((entry) => entry.data)
}

async function buildCatalog(): Promise<Catalog> {
  const records = (await dataOf('records')).sort(teachingOrder)
  const themes = await dataOf('themes')
  const organizations = await dataOf('organizations')
  const courseLists = (await dataOf('courseLists')).sort((a, b) => a.title.localeCompare(b.title, 'zh-Hans-CN'))
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

let catalog: Promise<Catalog> | undefined

/** The catalog, built once per build and shared by every page. */
export function loadCatalog(): Promise<Catalog> {
  catalog ??= buildCatalog()
  return catalog
}
