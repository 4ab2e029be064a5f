import type { CollectionAfterChangeHook } from 'payload'
import { surveyLimits } from '@gongyu/contract'
import { newOneTimeCode } from '../../SurveyCodes/oneTimeCode'

/**
 * Makes the survey have `codeCount` printed codes: the missing ones are
 * created inside the save's transaction; codes are never taken away, since
 * some may already be printed.
 */
export const issueSurveyCodes: CollectionAfterChangeHook = async ({ doc, req }) => {
  const wanted = Math.min(Math.max(0, Number(doc.codeCount ?? 0)), surveyLimits.codesPerSurvey)
  if (wanted === 0) return doc
  const { totalDocs } = await req.payload.count({ collection: 'survey-codes', where: { survey: { equals: doc.id } }, overrideAccess: true, req })
  for (let index = totalDocs; index < wanted; index += 1) {
    await req.payload.create({
      collection: 'survey-codes',
      data: { survey: doc.id, organization: doc.organization, code: newOneTimeCode() },
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
  return doc
}
