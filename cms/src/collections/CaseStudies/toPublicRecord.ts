import type { PublicRecord } from '@gongyu/contract'
import { plainTextOf } from '../../fields/plainTextOf'
import type { CaseStudy } from '../../payload-types'
import { recordBase } from '../../publishing/recordBase'
import type { RecordLookups } from '../../publishing/recordLookups'
import { recordSections } from '../../publishing/recordSections'
import { excerpt } from '../../publishing/recordText'
import { htmlOf } from '../../publishing/sectionHtml'
import { stagesOf } from '../../publishing/stagesOf'
import { caseStudySections } from './caseStudySections'

/** The public record of a published case study (典型案例); its summary starts from the problem. Undefined for a draft. */
export function caseStudyToPublicRecord(caseStudy: CaseStudy, lookups: RecordLookups): PublicRecord | undefined {
  const grades = caseStudy.grades ?? []
  const base = recordBase({ type: 'case-study', doc: caseStudy, grades, themes: caseStudy.themes }, lookups)
  if (!base) return undefined
  const texts = caseStudySections.map(({ name }) => plainTextOf(caseStudy[name]))
  const [background = '', problem = ''] = texts
  return {
    ...base,
    summary: excerpt(problem || background),
    bodyText: texts.join('\n'),
    sections: recordSections(...caseStudySections.map(({ name, label }) => [name, label, htmlOf(caseStudy[name], lookups.mediaOf)] as const)),
    related: [],
    stages: stagesOf(grades, [caseStudy.stage]),
    audience: ['parents', 'teachers'],
    familySituations: caseStudy.familySituations ?? [],
  }
}
