// Prints every content problem and exits 1 if there is any: `npm run lint:content`.
import { readStarterContent } from '../content/readContent.ts'
import { lintStarterContent } from './lintStarterContent.ts'
import { formatProblem } from './problem.ts'

const content = readStarterContent(process.argv[2])
const problems = lintStarterContent(content)
const counts = new Map<string, number>()
for (const item of content.files) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1)
for (const problem of problems) console.log(formatProblem(problem))
console.log(`\n${content.files.length} files (${[...counts].map(([kind, n]) => `${kind} ${n}`).join(', ')}), ${problems.length} problems`)
process.exitCode = problems.length > 0 ? 1 : 0
