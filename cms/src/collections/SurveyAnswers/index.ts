import type { CollectionConfig } from 'payload'
import { SURVEY_SCORE_RANGE, surveyAnswerFields, surveyLimits } from '@gongyu/contract'
import { nobody } from '../../access/nobody'
import { localizedLabel } from '../../i18n/localizedLabel'

/**
 * One parent's answer (docs/surveys.md). Written only by the anonymous
 * endpoint and read only by the report, which hides small groups: nobody
 * reads single answers through the API or the admin. No timestamp beyond the
 * week, no address, device id or cookie; a code only as a keyed hash.
 */
export const SurveyAnswers: CollectionConfig = {
  slug: 'survey-answers',
  labels: { singular: localizedLabel('问卷回答', 'Survey answer'), plural: localizedLabel('问卷回答', 'Survey answers') },
  admin: { hidden: true, useAsTitle: 'answeredWeek' },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  // Exact times could be matched against who was in the room when; the week is enough for the report.
  timestamps: false,
  fields: [
    // Random (crypto.randomUUID): a MongoDB ObjectId carries its creation time, and a SQLite row number the order of answers.
    { name: 'id', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'survey', type: 'relationship', relationTo: 'surveys', required: true, index: true, label: localizedLabel('问卷', 'Survey') },
    { name: 'answeredWeek', type: 'text', required: true, maxLength: 8, label: localizedLabel('填写周', 'Week answered') },
    ...surveyAnswerFields.scores.map((name) => ({
      name,
      type: 'number' as const,
      required: true,
      min: SURVEY_SCORE_RANGE.min,
      max: SURVEY_SCORE_RANGE.max,
      label: localizedLabel(`第 ${name.slice(1)} 题`, `Question ${name.slice(1)}`),
    })),
    { name: 'comment', type: 'textarea', maxLength: surveyLimits.comment, label: localizedLabel('文字回答', 'Comment') },
    {
      name: 'codeKey',
      type: 'text',
      unique: true,
      maxLength: 64,
      label: localizedLabel('一次性码（散列）', 'Code (keyed hash)'),
      access: { read: () => false },
    },
  ],
}
