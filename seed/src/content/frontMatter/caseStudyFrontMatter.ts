import { caseSourceTypes, codesOf, contentLimits, familySituations, grades, stages } from '@gongyu/contract'
import type { z } from 'zod'
import { code, frontMatterObject, list, slug, text } from './fieldSchemas.ts'

/** A case study's front matter (`content/case-studies/<slug>.md`); the four sections are in the body. */
export const caseStudyFrontMatter = frontMatterObject({
  title: text({ least: 4, cms: contentLimits.title }),
  themes: list(slug(), contentLimits.themes),
  stage: code(codesOf(stages)),
  grades: list(code(codesOf(grades)), { minRows: 0, maxRows: 3 }),
  sourceType: code(codesOf(caseSourceTypes)),
  /** Province and county only (四川省某县), so no family can be found from it. */
  region: text({ least: 3, most: 20 }),
  familySituations: list(code(codesOf(familySituations)), { minRows: 1, maxRows: 5 }),
})

export type CaseStudyFrontMatter = z.infer<typeof caseStudyFrontMatter>
