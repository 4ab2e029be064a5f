import { contentLimits, gradeByCode, grades, LESSONS_PER_GRADE } from '@gongyu/contract'
import { countCharacters, splitSentences } from '../content/markdown.ts'
import type { ContentFile, StarterContent } from '../content/readContent.ts'
import { isCoreLesson } from '../content/frontMatter/lessonFrontMatter.ts'
import { themeEntry } from '../content/frontMatter/themeEntry.ts'
import { ageRules, namesTopic } from './ageRules.ts'
import { problemsFromIssues } from './frontMatterProblems.ts'
import type { ContentProblem } from './problem.ts'

export const MIN_THEMES_PER_GRADE = 8
export const MIN_THEMES_IN_BANK = 16
export const REPEATED_SENTENCE_MIN_LENGTH = 15
export const REPEATED_SENTENCE_MAX_ITEMS = 3

const BANK = '(题库)'
const THEMES_FILE = 'themes.yaml'

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []
}

/** Every lesson grade has exactly 20 lessons, sequences 1–20 without repeats, and enough themes. */
export function checkGradeCoverage(lessons: ContentFile[]): ContentProblem[] {
  const problems: ContentProblem[] = []
  for (const grade of grades) {
    const inGrade = lessons.filter((lesson) => lesson.data.grade === grade.code)
    if (inGrade.length !== LESSONS_PER_GRADE) {
      problems.push({ file: `lessons/${grade.code}/`, field: 'grade', message: `${grade.label}有 ${inGrade.length} 课，应为 ${LESSONS_PER_GRADE} 课` })
    }
    const seen = new Map<unknown, string>()
    for (const lesson of inGrade) {
      const earlier = seen.get(lesson.data.sequence)
      if (earlier) {
        problems.push({ file: lesson.file, field: 'sequence', message: `序号 ${String(lesson.data.sequence)} 与 ${earlier} 重复` })
      }
      seen.set(lesson.data.sequence, lesson.file)
    }
    const themes = new Set(inGrade.flatMap((lesson) => stringsOf(lesson.data.themes)))
    if (inGrade.length > 0 && themes.size < MIN_THEMES_PER_GRADE) {
      problems.push({ file: `lessons/${grade.code}/`, field: 'themes', message: `${grade.label}只用了 ${themes.size} 个主题，至少 ${MIN_THEMES_PER_GRADE} 个` })
    }
  }
  const bankThemes = new Set(lessons.flatMap((lesson) => stringsOf(lesson.data.themes)))
  if (lessons.length >= LESSONS_PER_GRADE * grades.length && bankThemes.size < MIN_THEMES_IN_BANK) {
    problems.push({ file: BANK, field: 'themes', message: `全库只用了 ${bankThemes.size} 个主题，至少 ${MIN_THEMES_IN_BANK} 个` })
  }
  return problems
}

/**
 * No grade has more core lessons (核心课) than the CMS lets it publish
 * (`contentLimits.coreLessonsPerGrade`), or the seed would stop half-way at
 * the CMS's refusal.
 */
export function checkCoreLessons(lessons: ContentFile[]): ContentProblem[] {
  const limit = contentLimits.coreLessonsPerGrade
  return grades.flatMap((grade) => {
    const core = lessons.filter((lesson) => lesson.data.grade === grade.code && isCoreLesson(lesson.data))
    if (core.length <= limit) return []
    return [{ file: `lessons/${grade.code}/`, field: 'core', message: `${grade.label}有 ${core.length} 节核心课，最多 ${limit} 节：其余的写 core: false` }]
  })
}

function titleOf(item: ContentFile): unknown {
  return item.kind === 'organization' ? item.data.name : item.data.title
}

/** No two items share a title, and slugs are unique within a kind. */
export function checkUniqueness(files: ContentFile[]): ContentProblem[] {
  const problems: ContentProblem[] = []
  const titles = new Map<unknown, string>()
  const slugs = new Map<string, string>()
  for (const item of files) {
    const title = titleOf(item)
    const earlier = titles.get(title)
    if (typeof title === 'string' && earlier) {
      problems.push({ file: item.file, field: 'title', message: `标题与 ${earlier} 相同` })
    }
    titles.set(title, item.file)
    const key = `${item.kind}:${item.slug}`
    const sameSlug = slugs.get(key)
    if (sameSlug) problems.push({ file: item.file, field: 'slug', message: `slug 与 ${sameSlug} 相同` })
    slugs.set(key, item.file)
  }
  return problems
}

/** The entries of themes.yaml hold what the schema asks, and no two share a slug. */
export function checkThemeList(themes: readonly unknown[]): ContentProblem[] {
  const problems = themes.flatMap((theme, index) => {
    const result = themeEntry.safeParse(theme)
    return result.success ? [] : problemsFromIssues(THEMES_FILE, result.error.issues).map((problem) => ({ ...problem, field: `[${index}].${problem.field}` }))
  })
  const seen = new Set<unknown>()
  themes.forEach((theme, index) => {
    const slug = (theme as { slug?: unknown } | null)?.slug
    if (seen.has(slug)) problems.push({ file: THEMES_FILE, field: `[${index}].slug`, message: `slug ${String(slug)} 重复` })
    seen.add(slug)
  })
  return problems
}

/**
 * References point at things that exist: themes at themes.yaml, lessons,
 * micro-lessons and organizations at their files; a lesson plan serves a
 * lesson of its own grade.
 */
export function checkReferences(content: StarterContent): ContentProblem[] {
  const { files } = content
  const problems: ContentProblem[] = []
  const themeSlugs = new Set(content.themes.map((theme) => theme.slug))
  const bySlug = (kind: ContentFile['kind'], slug: unknown) => files.find((item) => item.kind === kind && item.slug === slug)
  for (const item of files) {
    stringsOf(item.data.themes).forEach((slug, index) => {
      if (!themeSlugs.has(slug))
        problems.push({ file: item.file, field: `themes[${index}]`, message: `未知取值 ${JSON.stringify(slug)}：${THEMES_FILE} 里没有这个主题` })
    })
    if (item.kind === 'lesson-plan' || item.kind === 'micro-lesson') {
      const lesson = bySlug('lesson', item.data.lesson)
      if (!lesson) {
        problems.push({ file: item.file, field: 'lesson', message: `找不到课程 ${String(item.data.lesson)}` })
      } else if (item.kind === 'lesson-plan' && lesson.data.grade !== item.data.grade) {
        problems.push({ file: item.file, field: 'grade', message: `与所服务课程的年级 ${String(lesson.data.grade)} 不一致` })
      }
    }
    if (item.kind === 'event') {
      if (!bySlug('organization', item.data.organization)) {
        problems.push({ file: item.file, field: 'organization', message: `找不到机构 ${String(item.data.organization)}` })
      }
      if (item.data.replay !== undefined && !bySlug('micro-lesson', item.data.replay)) {
        problems.push({ file: item.file, field: 'replay', message: `找不到回放微课 ${String(item.data.replay)}` })
      }
    }
    if (item.kind === 'course-list') {
      if (!bySlug('organization', item.data.organization)) {
        problems.push({ file: item.file, field: 'organization', message: `找不到机构 ${String(item.data.organization)}` })
      }
      const entries = Array.isArray(item.data.items) ? (item.data.items as Record<string, unknown>[]) : []
      entries.forEach((entry, index) => {
        const target = entry.lesson ? bySlug('lesson', entry.lesson) : bySlug('micro-lesson', entry.microLesson)
        if (!target) problems.push({ file: item.file, field: `items[${index}]`, message: '引用的课程不存在' })
      })
    }
  }
  return problems
}

/** Front matter fields that hold prose readers see; the others hold codes and slugs. */
const proseFields = [
  'title',
  'name',
  'summary',
  'objectives',
  'reflectionQuestions',
  'preparation',
  'materials',
  'steps',
  'evaluation',
  'goals',
  'safetyNotes',
  'description',
] as const

/** Every piece of prose an item shows readers: its prose fields and its body. */
export function proseOf(item: ContentFile): string {
  const parts: string[] = [item.body]
  const visit = (value: unknown): void => {
    if (typeof value === 'string') parts.push(value)
    else if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') {
      for (const [key, nested] of Object.entries(value)) if (key !== 'minutes') visit(nested)
    }
  }
  for (const field of proseFields) visit(item.data[field])
  return parts.join('\n')
}

/** Long sentences must not be stock phrases repeated across many items. */
export function checkRepeatedSentences(files: ContentFile[]): ContentProblem[] {
  const itemsBySentence = new Map<string, Set<string>>()
  for (const item of files) {
    for (const sentence of new Set(splitSentences(proseOf(item)))) {
      if (countCharacters(sentence) < REPEATED_SENTENCE_MIN_LENGTH) continue
      const items = itemsBySentence.get(sentence) ?? new Set<string>()
      items.add(item.file)
      itemsBySentence.set(sentence, items)
    }
  }
  const problems: ContentProblem[] = []
  for (const [sentence, items] of itemsBySentence) {
    if (items.size <= REPEATED_SENTENCE_MAX_ITEMS) continue
    for (const file of items) {
      problems.push({ file, field: '重复句', message: `「${sentence}」出现在 ${items.size} 个条目中，最多 ${REPEATED_SENTENCE_MAX_ITEMS} 个` })
    }
  }
  return problems
}

function gradesOf(item: ContentFile): string[] {
  if (typeof item.data.grade === 'string') return [item.data.grade]
  const listed = stringsOf(item.data.grades)
  if (listed.length > 0) return listed
  if (item.kind === 'activity-plan' || item.kind === 'case-study') {
    const stageCodes = item.kind === 'activity-plan' ? stringsOf(item.data.stages) : stringsOf([item.data.stage])
    return grades.filter((grade) => stageCodes.includes(grade.stage)).map((grade) => grade.code)
  }
  return []
}

/** Age-bound topics are named only in items for the grades they fit. */
export function checkAgeAppropriateness(files: ContentFile[]): ContentProblem[] {
  const problems: ContentProblem[] = []
  for (const item of files) {
    const itemGrades = gradesOf(item).filter((code) => gradeByCode(code)?.stage !== 'special')
    if (itemGrades.length === 0) continue
    const prose = proseOf(item)
    for (const rule of ageRules) {
      if (!namesTopic(prose, rule)) continue
      const misplaced = itemGrades.filter((code) => !(rule.allowedGrades as readonly string[]).includes(code))
      if (misplaced.length === itemGrades.length) {
        const labels = misplaced.map((code) => gradeByCode(code)?.label ?? code).join('、')
        problems.push({ file: item.file, field: '年龄适宜', message: `「${rule.term}」不适合${labels}` })
      }
    }
  }
  return problems
}

/** Runs every bank-wide rule. */
export function checkBank(content: StarterContent): ContentProblem[] {
  const lessons = content.files.filter((item) => item.kind === 'lesson')
  return [
    ...checkGradeCoverage(lessons),
    ...checkCoreLessons(lessons),
    ...checkUniqueness(content.files),
    ...checkThemeList(content.themes),
    ...checkReferences(content),
    ...checkRepeatedSentences(content.files),
    ...checkAgeAppropriateness(content.files),
  ]
}
