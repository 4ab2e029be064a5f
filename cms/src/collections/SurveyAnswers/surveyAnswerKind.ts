import { randomUUID } from 'node:crypto'
import { type Payload, ValidationError } from 'payload'
import { z } from 'zod'
import { SURVEY_ANSWER_KIND, SURVEY_SCORE_RANGE, surveyLimits } from '@gongyu/contract'
import { type AnonymousWriteKind, AnonymousWriteRefusal, type AnonymousWriteResult } from '../../anonymousWrites/anonymousWriteKind'
import { insertAnonymousRow } from '../../anonymousWrites/insertAnonymousRow'
import { removePersonalInformation } from '../../privacy/removePersonalInformation'
import { codeKeyOf, normalizeOneTimeCode } from '../SurveyCodes/oneTimeCode'
import { shanghaiIsoWeek } from './isoWeek'
import { PublishedSurveyCache } from './publishedSurveyCache'

const score = (number: number) =>
  z.coerce
    .number({ error: `第 ${number} 题还没有选分数，请选 1 到 5 分。` })
    .int({ error: `第 ${number} 题的分数要在 1 到 5 之间。` })
    .min(SURVEY_SCORE_RANGE.min, { error: `第 ${number} 题还没有选分数，请选 1 到 5 分。` })
    .max(SURVEY_SCORE_RANGE.max, { error: `第 ${number} 题的分数要在 1 到 5 之间。` })

// Form fields arrive as strings: an empty score is "not chosen", not 0.
const requiredScore = (number: number) =>
  z
    .preprocess((value) => (value === '' ? undefined : value), score(number).optional())
    .refine((value) => value !== undefined, {
      error: `第 ${number} 题还没有选分数，请选 1 到 5 分。`,
    }) as z.ZodType<number>

/** One answer as the site's form posts it; unknown fields are refused. */
export const surveyAnswerSchema = z.strictObject({
  survey: z.string({ error: '没有说明是哪份问卷，请从问卷页面提交。' }).min(1, { error: '没有说明是哪份问卷，请从问卷页面提交。' }).max(100),
  q1: requiredScore(1),
  q2: requiredScore(2),
  q3: requiredScore(3),
  q4: requiredScore(4),
  q5: requiredScore(5),
  comment: z
    .string()
    .max(surveyLimits.comment, { error: `文字回答最多 ${surveyLimits.comment} 字，请删减后再提交。` })
    .optional(),
  code: z.string().max(40, { error: '一次性码不对，请照纸上印的填写。' }).optional(),
})

export type SurveyAnswerInput = z.infer<typeof surveyAnswerSchema>

// A survey's id and code rule for a few seconds: every answer would otherwise read the same survey again.
const publishedSurveys = new PublishedSurveyCache()

const REMOVED_NOTICE = '为保护隐私，您写的手机号、身份证号等个人信息在保存前已经删除，其余文字已收到。'

/** Finds the published survey, checks the code, scrubs the comment, and saves the answer in one create. */
async function storeSurveyAnswer(payload: Payload, value: SurveyAnswerInput): Promise<AnonymousWriteResult> {
  const survey = await publishedSurveys.find(payload, value.survey)
  if (!survey) throw new AnonymousWriteRefusal(404, '找不到这份问卷，它可能已经结束了。谢谢您！')

  const typedCode = value.code?.trim() ? normalizeOneTimeCode(value.code) : undefined
  if (survey.requiresCode && !typedCode) throw new AnonymousWriteRefusal(400, '这份问卷需要填写活动现场发的一次性码（印在纸条上，例如 7KQ4-MX9C）。')
  let codeKey: string | undefined
  if (typedCode) {
    const known = await payload.count({
      collection: 'survey-codes',
      where: { and: [{ survey: { equals: survey.id } }, { code: { equals: typedCode } }] },
      overrideAccess: true,
    })
    if (known.totalDocs === 0) throw new AnonymousWriteRefusal(400, `一次性码「${typedCode.slice(0, 12)}」不是这份问卷的码，请照纸上印的重新填写。`)
    codeKey = codeKeyOf(payload.secret, survey.id, typedCode)
  }

  const comment = removePersonalInformation(value.comment?.trim() ?? '')
  try {
    await insertAnonymousRow(payload, 'survey-answers', {
      id: randomUUID(),
      survey: survey.id,
      answeredWeek: shanghaiIsoWeek(new Date()),
      q1: value.q1,
      q2: value.q2,
      q3: value.q3,
      q4: value.q4,
      q5: value.q5,
      comment: comment.text,
      // Left out rather than null without a code: MongoDB's sparse unique index skips a missing field, not a null one.
      ...(codeKey ? { codeKey } : {}),
    })
  } catch (error) {
    // The unique index on the code's hash (the row's only unique field) stops two answers with one code, even sent at
    // the same instant. The adapters name the field differently (FerretDB gives no key), so any uniqueness refusal here is it.
    if (error instanceof ValidationError && codeKey) {
      throw new AnonymousWriteRefusal(409, '这个一次性码已经用过了：每个码只能提交一次。如果是您刚才提交过，就不用再交了，谢谢！')
    }
    throw error
  }
  const thanks = '谢谢！您的回答已经收到。'
  return { message: comment.removed.length > 0 ? `${thanks}${REMOVED_NOTICE}` : thanks }
}

/** 满意度调查 answers at `POST /api/anonymous/survey-answer`. */
export const surveyAnswerKind: AnonymousWriteKind<SurveyAnswerInput> = {
  kind: SURVEY_ANSWER_KIND,
  schema: surveyAnswerSchema,
  // 500 Chinese characters percent-encoded are 4.5 KB; twice that leaves room and refuses anything larger.
  maxBodyBytes: 8 * 1024,
  store: storeSurveyAnswer,
}
