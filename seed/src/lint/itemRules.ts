import type { ContentFile } from '../content/readContent.ts'
import { checkBody } from './bodyRules.ts'
import { checkFrontMatter } from './frontMatterProblems.ts'
import type { ContentProblem } from './problem.ts'

/** A lesson's file name starts with its grade and two-digit sequence, in its grade's folder. */
function checkLessonPlacement(item: ContentFile): ContentProblem[] {
  const { grade, sequence } = item.data
  if (item.kind !== 'lesson' || typeof grade !== 'string' || typeof sequence !== 'number') return []
  const problems: ContentProblem[] = []
  const expectedPrefix = `${grade}-${String(sequence).padStart(2, '0')}-`
  if (!item.slug.startsWith(expectedPrefix)) problems.push({ file: item.file, field: 'slug', message: `文件名应以 ${expectedPrefix} 开头` })
  if (!item.file.startsWith(`lessons/${grade}/`)) problems.push({ file: item.file, field: 'grade', message: `应放在 lessons/${grade}/ 文件夹` })
  return problems
}

/** Checks one item on its own: its front matter against its kind's schema, its body, and where its file lies. */
export function checkItem(item: ContentFile): ContentProblem[] {
  return [...checkFrontMatter(item), ...checkBody(item), ...checkLessonPlacement(item)]
}
