import { convertMarkdownToLexical, type LexicalRichTextAdapter } from '@payloadcms/richtext-lexical'
import type { CollectionSlug, Payload } from 'payload'
import { grades } from '@gongyu/contract'
import { type ContentKind, type FrontMatterOf, frontMatterOf } from '../content/contentKinds.ts'
import { type ContentFile, readStarterContent, type StarterContent } from '../content/readContent.ts'
import { isCoreLesson } from '../content/frontMatter/lessonFrontMatter.ts'
import { checkCoreLessons, checkReferences, checkThemeList } from '../lint/bankRules.ts'
import { LESSON_PLAN_HANDOUT_HEADING } from '../lint/bodyRules.ts'
import { checkItem } from '../lint/itemRules.ts'
import { formatProblem } from '../lint/problem.ts'
import { plainText, sectionsAsMarkdown, sectionText, splitPracticeActivity } from './markdownFields.ts'
import { attachSampleVideos } from './attachSampleVideos.ts'

/** Raised when a content file cannot be loaded; the message names the file and field. */
export class SeedContentError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SeedContentError'
  }
}

type Id = string | number
type RichText = ReturnType<typeof convertMarkdownToLexical>

/** How many documents of one collection were created, updated or left as they were. */
export interface CollectionCount {
  created: number
  updated: number
  total: number
}

export type SeedReport = Partial<Record<CollectionSlug, CollectionCount>>

export interface LoadStarterContentOptions {
  content?: StarterContent
  log?: (line: string) => void
  /** Where rendered sample videos are cached between runs; without it they are not made. */
  videoCacheDir?: string
}

// Seed saves are system saves: hooks that react to edits can tell them apart by this flag.
const SEED_CONTEXT = { seeding: true }

const LESSON_BODY_HEADINGS = ['为什么重要', '常见误区', '家长可以这样做']
const CASE_STUDY_FIELDS = [
  { heading: '背景', field: 'background' },
  { heading: '问题描述', field: 'problem' },
  { heading: '解决策略', field: 'strategy' },
  { heading: '结果评估', field: 'outcome' },
] as const

/** A content file with its front matter as its kind's schema reads it. */
interface ParsedFile<Kind extends ContentKind> {
  item: ContentFile
  data: FrontMatterOf<Kind>
}

/** The files of one kind, parsed; called only after the lint found nothing, so parsing cannot fail. */
function filesOf<Kind extends ContentKind>(content: StarterContent, kind: Kind): ParsedFile<Kind>[] {
  return content.files.filter((item) => item.kind === kind).map((item) => ({ item, data: frontMatterOf(kind, item.data) }))
}

function rows(texts: readonly string[] | undefined): { text: string }[] {
  return (texts ?? []).map((text) => ({ text }))
}

function describeSaveError(item: ContentFile, error: unknown): string {
  const data = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data
  const fieldErrors = data?.errors?.map((entry) => `${entry.path ?? '?'}: ${entry.message ?? ''}`).join('；')
  return `${item.file} › ${fieldErrors || (error as Error).message}`
}

/**
 * Loads the starter course bank through the Payload Local API, so validation
 * and hooks run. Items are upserted by slug and published; loading twice
 * gives the same documents. Stops at the first invalid file, naming it.
 */
export async function loadStarterContent(payload: Payload, options: LoadStarterContentOptions = {}): Promise<SeedReport> {
  const content = options.content ?? readStarterContent()
  const log = options.log ?? (() => undefined)
  const problems = [
    ...checkThemeList(content.themes),
    ...content.files.flatMap(checkItem),
    ...checkReferences(content),
    ...checkCoreLessons(content.files.filter((item) => item.kind === 'lesson')),
  ]
  if (problems.length > 0) {
    throw new SeedContentError(`初始内容有 ${problems.length} 处问题，未导入：\n${problems.slice(0, 20).map(formatProblem).join('\n')}`)
  }

  // The CMS's own editor (its features, tables included), so the Markdown becomes the nodes an editor could have typed:
  // the default config has no table feature and would leave `| 时间 | 做什么 |` rows as text (issue 14).
  const editorConfig = (payload.config.editor as LexicalRichTextAdapter).editorConfig
  const richText = (markdown: string): RichText => convertMarkdownToLexical({ editorConfig, markdown })
  const report: SeedReport = {}
  const ids = new Map<string, Id>()
  const idOf = (collection: CollectionSlug, slug: unknown): Id => {
    const id = ids.get(`${collection}:${String(slug)}`)
    if (id === undefined) throw new SeedContentError(`找不到 ${collection} 中的 ${String(slug)}`)
    return id
  }

  // The slugs already in each collection, read once per collection rather than once per item.
  const existingIds = new Map<CollectionSlug, Map<string, Id>>()
  async function existingIdsOf(collection: CollectionSlug): Promise<Map<string, Id>> {
    let bySlug = existingIds.get(collection)
    if (!bySlug) {
      const { docs } = await payload.find({ collection, pagination: false, depth: 0, overrideAccess: true, select: { slug: true } })
      bySlug = new Map(docs.map((doc) => [String((doc as { slug?: unknown }).slug), (doc as { id: Id }).id]))
      existingIds.set(collection, bySlug)
    }
    return bySlug
  }

  async function upsert(collection: CollectionSlug, slug: string, data: Record<string, unknown>, item?: ContentFile, versioned = true): Promise<Id> {
    const count = report[collection] ?? { created: 0, updated: 0, total: 0 }
    report[collection] = count
    const existing = await existingIdsOf(collection)
    const foundId = existing.get(slug)
    const publish = versioned ? { _status: 'published' } : {}
    try {
      const saved =
        foundId !== undefined
          ? await payload.update({
              collection,
              id: foundId,
              data: { ...data, ...publish, slug } as never,
              overrideAccess: true,
              context: SEED_CONTEXT,
              depth: 0,
            })
          : await payload.create({ collection, data: { ...data, ...publish, slug } as never, overrideAccess: true, context: SEED_CONTEXT, depth: 0 })
      if (foundId !== undefined) count.updated += 1
      else count.created += 1
      existing.set(slug, (saved as { id: Id }).id)
      count.total += 1
      ids.set(`${collection}:${slug}`, (saved as { id: Id }).id)
      return (saved as { id: Id }).id
    } catch (error) {
      throw new SeedContentError(item ? describeSaveError(item, error) : `${collection}/${slug}: ${(error as Error).message}`)
    }
  }

  const themeIds = (slugs: readonly string[]) => slugs.map((slug) => idOf('themes', slug))

  for (const theme of content.themes) {
    await upsert('themes', theme.slug, { name: theme.name, description: theme.description }, undefined, false)
  }
  for (const { item, data } of filesOf(content, 'organization')) {
    const { name, type, region } = data
    const allowedOrigins = (data.allowedOrigins ?? []).map((origin) => ({ origin }))
    await upsert('organizations', item.slug, { name, type, region, allowedOrigins, description: plainText(item.body) }, item, false)
  }

  const lessons = filesOf(content, 'lesson')
  for (const { item, data: d } of lessons) {
    const practice = splitPracticeActivity(sectionText(item.body, '亲子练习'))
    await upsert(
      'lessons',
      item.slug,
      {
        title: d.title,
        grade: d.grade,
        sequence: d.sequence,
        core: isCoreLesson(d),
        category: d.category,
        themes: themeIds(d.themes),
        audience: d.audience,
        durationMinutes: d.durationMinutes,
        summary: d.summary,
        objectives: rows(d.objectives),
        reflectionQuestions: rows(d.reflectionQuestions),
        body: richText(sectionsAsMarkdown(item.body, LESSON_BODY_HEADINGS)),
        practiceActivity: { title: practice.title, instructions: richText(practice.instructions) },
      },
      item,
    )
  }
  log(`专题课程：${lessons.length}`)

  const microLessons = filesOf(content, 'micro-lesson')
  for (const { item, data: d } of microLessons) {
    await upsert(
      'micro-lessons',
      item.slug,
      {
        title: d.title,
        lesson: idOf('lessons', d.lesson),
        grades: d.grades,
        themes: themeIds(d.themes),
        durationSeconds: d.durationSeconds,
        presenter: d.presenter,
        transcript: plainText(item.body),
      },
      item,
    )
  }
  for (const { item, data: d } of filesOf(content, 'case-study')) {
    const sections = Object.fromEntries(CASE_STUDY_FIELDS.map(({ heading, field }) => [field, richText(sectionText(item.body, heading))]))
    await upsert(
      'case-studies',
      item.slug,
      {
        title: d.title,
        themes: themeIds(d.themes),
        stage: d.stage,
        grades: d.grades ?? [],
        sourceType: d.sourceType,
        region: d.region,
        familySituations: d.familySituations,
        ...sections,
      },
      item,
    )
  }
  for (const { item, data: d } of filesOf(content, 'lesson-plan')) {
    await upsert(
      'lesson-plans',
      item.slug,
      {
        title: d.title,
        lesson: idOf('lessons', d.lesson),
        grade: d.grade,
        durationMinutes: d.durationMinutes,
        objectives: rows(d.objectives),
        preparation: d.preparation,
        materials: rows(d.materials),
        steps: d.steps.map((step) => ({ minutes: step.minutes, activity: step.activity, teacherActions: step.teacher, parentActions: step.parents })),
        handoutContent: richText(sectionText(item.body, LESSON_PLAN_HANDOUT_HEADING)),
        evaluation: d.evaluation,
      },
      item,
    )
  }
  for (const { item, data: d } of filesOf(content, 'activity-plan')) {
    await upsert(
      'activity-plans',
      item.slug,
      {
        title: d.title,
        occasion: d.occasion,
        month: d.month,
        stages: d.stages,
        goals: rows(d.goals),
        materials: rows(d.materials),
        safetyNotes: rows(d.safetyNotes),
        steps: d.steps.map((step) => ({ title: step.title, detail: step.detail })),
        overview: richText(item.body),
      },
      item,
    )
  }

  for (const { item, data: d } of filesOf(content, 'event')) {
    await upsert(
      'events',
      item.slug,
      {
        title: d.title,
        kind: d.kind,
        mode: d.mode,
        summary: plainText(item.body),
        presenter: d.presenter,
        organization: idOf('organizations', d.organization),
        startsAt: new Date(d.startsAt).toISOString(),
        endsAt: new Date(d.endsAt).toISOString(),
        venue: d.venue,
        liveUrl: d.liveUrl,
        grades: d.grades,
        themes: themeIds(d.themes ?? []),
        held: d.held ?? false,
        replay: d.replay ? idOf('micro-lessons', d.replay) : null,
      },
      item,
    )
  }

  if (options.videoCacheDir) {
    const sampleVideos = microLessons.filter(({ data }) => data.video === 'generated').map(({ item }) => item)
    report.videos = await attachSampleVideos(payload, sampleVideos, ids, options.videoCacheDir, log)
  }
  await linkLessonsToResources(payload, content, ids)

  for (const { item, data: d } of filesOf(content, 'course-list')) {
    await upsert(
      'course-lists',
      item.slug,
      {
        title: d.title,
        organization: idOf('organizations', d.organization),
        description: plainText(item.body),
        items: d.items.map((entry) => ({
          resource: entry.lesson
            ? { relationTo: 'lessons', value: idOf('lessons', entry.lesson) }
            : { relationTo: 'micro-lessons', value: idOf('micro-lessons', entry.microLesson) },
          date: entry.date ? new Date(entry.date).toISOString() : undefined,
          note: entry.note,
        })),
      },
      item,
    )
  }

  for (const [collection, count] of Object.entries(report) as [string, CollectionCount][]) {
    log(`${collection}: 共 ${count.total}（新建 ${count.created}，更新 ${count.updated}）`)
  }
  return report
}

const stageOfGrade = new Map<string, string>(grades.map((grade) => [grade.code, grade.stage]))

/**
 * Fills each lesson's related micro-lessons, lesson plan and case studies.
 * Cases are matched by stage and main theme, so the links follow the content.
 * A lesson is only saved again when its links change.
 */
async function linkLessonsToResources(payload: Payload, content: StarterContent, ids: Map<string, Id>): Promise<void> {
  const cases = filesOf(content, 'case-study')
  const microLessons = filesOf(content, 'micro-lesson')
  const plans = filesOf(content, 'lesson-plan')
  const { docs: stored } = await payload.find({
    collection: 'lessons',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { relatedMicroLessons: true, relatedCaseStudies: true, lessonPlan: true },
  })
  const storedLinks = new Map(stored.map((doc) => [doc.id as Id, doc as unknown as Record<string, unknown>]))
  for (const { item: lesson, data } of filesOf(content, 'lesson')) {
    const micro = microLessons.filter((file) => file.data.lesson === lesson.slug)
    const plan = plans.find((file) => file.data.lesson === lesson.slug)
    const stage = stageOfGrade.get(data.grade)
    const mainTheme = data.themes[0]
    const related = cases.filter((file) => file.data.stage === stage && file.data.themes.includes(mainTheme ?? '')).slice(0, 3)
    const links = {
      relatedMicroLessons: micro.map((file) => ids.get(`micro-lessons:${file.item.slug}`)),
      relatedCaseStudies: related.map((file) => ids.get(`case-studies:${file.item.slug}`)),
      lessonPlan: plan ? ids.get(`lesson-plans:${plan.item.slug}`) : null,
    }
    const id = ids.get(`lessons:${lesson.slug}`)
    if (id === undefined) continue
    const current = storedLinks.get(id) ?? {}
    const same =
      JSON.stringify(current.relatedMicroLessons ?? []) === JSON.stringify(links.relatedMicroLessons) &&
      JSON.stringify(current.relatedCaseStudies ?? []) === JSON.stringify(links.relatedCaseStudies) &&
      (current.lessonPlan ?? null) === links.lessonPlan
    if (same) continue
    await payload.update({
      collection: 'lessons',
      id,
      data: { ...links, _status: 'published' } as never,
      overrideAccess: true,
      context: SEED_CONTEXT,
      depth: 0,
    })
  }
}
