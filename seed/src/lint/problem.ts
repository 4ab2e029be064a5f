/** One thing wrong with the starter content, named by file and field. */
export interface ContentProblem {
  file: string
  field: string
  message: string
}

/** Formats a problem as `file › field: message`. */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.file} › ${problem.field}: ${problem.message}`
}
