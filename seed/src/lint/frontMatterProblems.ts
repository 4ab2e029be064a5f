import type { z } from 'zod'
import { contentKinds } from '../content/contentKinds.ts'
import type { ContentFile } from '../content/readContent.ts'
import type { ContentProblem } from './problem.ts'

/** Writes an issue path as the lint names fields: `steps[2].minutes`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '')
}

/** Turns a schema's issues into lint problems for one file, one problem per misspelt key. */
export function problemsFromIssues(file: string, issues: readonly z.core.$ZodIssue[]): ContentProblem[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ file, field: fieldName([...issue.path, key]), message: issue.message }))
      : [{ file, field: fieldName(issue.path) || '(头部)', message: issue.message }],
  )
}

/** Checks an item's front matter against the schema of its kind. */
export function checkFrontMatter(item: ContentFile): ContentProblem[] {
  const result = contentKinds[item.kind].frontMatter.safeParse(item.data)
  return result.success ? [] : problemsFromIssues(item.file, result.error.issues)
}
