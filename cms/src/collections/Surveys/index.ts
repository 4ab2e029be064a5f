import type { CollectionConfig } from 'payload'
import { DEFAULT_FREE_TEXT_QUESTION, defaultSurveyQuestions, SURVEY_QUESTION_COUNT, surveyLimits, surveyTargets } from '@gongyu/contract'
import { createCourseLists, manageOwnCourseLists } from '../../access/courseListAccess'
import { hasRole } from '../../access/roles'
import { readSurveys, readSurveyVersions } from '../../access/surveyAccess'
import { slugField } from '../../fields/slugField'
import { fillSlug } from '../../hooks/fillSlug'
import { refusePersonalInformation } from '../../hooks/refusePersonalInformation'
import { uniqueSlug } from '../../hooks/rejectDuplicates'
import { localizedLabel, optionsFrom } from '../../i18n/localizedLabel'
import { assignOwnOrganization } from '../CourseLists/hooks/assignOwnOrganization'
import { queueExportAfterChange, queueExportAfterDelete } from '../Places/hooks/queueExportOnPublicChange'
import { checkSurveyTarget } from './hooks/checkSurveyTarget'
import { issueSurveyCodes } from './hooks/issueSurveyCodes'
import { surveyCodesEndpoint } from './surveyCodesEndpoint'
import { surveyReportCsvEndpoint, surveyReportEndpoint } from './surveyReportEndpoint'
import { ownerOrganizationField } from '../../fields/ownerOrganizationField'

/** The slug of the surveys collection. */
export const SURVEYS_SLUG = 'surveys'

const showFor =
  (...targets: string[]) =>
  (_data: unknown, siblingData: { target?: string }) =>
    targets.includes(siblingData?.target ?? '')

/**
 * 满意度调查 (issue 17): five 1–5 questions and one free-text question about a
 * parent-school session, an event or a course list, owned by an organization.
 * Published surveys go to the site; parents answer anonymously through
 * `POST /api/anonymous/survey-answer` (docs/surveys.md). The report (预览)
 * hides any group under 10 answers.
 */
export const Surveys: CollectionConfig = {
  slug: SURVEYS_SLUG,
  labels: { singular: localizedLabel('满意度调查', 'Survey'), plural: localizedLabel('满意度调查', 'Surveys') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'target', 'organization', '_status'],
    group: localizedLabel('机构与清单', 'Organizations'),
    description: localizedLabel(
      '发布后家长可在网站上匿名填写。点「预览」看统计报告（不足 10 份的分组不显示），报告页可下载 CSV；需要一次性码时，在报告页打印。',
      'Published surveys are answered anonymously on the site. Preview opens the report (groups under 10 answers hidden).',
    ),
    preview: (doc) => (doc?.id ? `/api/surveys/${doc.id}/report` : null),
  },
  access: {
    read: readSurveys,
    readVersions: readSurveyVersions,
    create: createCourseLists,
    update: manageOwnCourseLists,
    // Answers refer to their survey: close a survey by unpublishing it, its answers stay countable.
    delete: ({ req }) => hasRole(req.user, 'admin'),
  },
  versions: { drafts: true, maxPerDoc: 20 },
  endpoints: [surveyReportEndpoint, surveyReportCsvEndpoint, surveyCodesEndpoint],
  hooks: {
    beforeValidate: [fillSlug, assignOwnOrganization, refusePersonalInformation(), checkSurveyTarget, uniqueSlug(SURVEYS_SLUG, '满意度调查')],
    afterChange: [issueSurveyCodes, queueExportAfterChange],
    afterDelete: [queueExportAfterDelete],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: surveyLimits.title, label: localizedLabel('标题', 'Title') },
    ownerOrganizationField(),
    {
      name: 'target',
      type: 'select',
      required: true,
      defaultValue: 'session',
      options: optionsFrom(surveyTargets, { session: 'Parent-school session', event: 'Event', 'course-list': 'Course list' }),
      label: localizedLabel('调查对象', 'About'),
    },
    {
      name: 'courseList',
      type: 'relationship',
      relationTo: 'course-lists',
      label: localizedLabel('课程清单', 'Course list'),
      admin: { condition: showFor('session', 'course-list') },
    },
    {
      name: 'sessionNumber',
      type: 'number',
      min: 1,
      label: localizedLabel('第几课（清单里的序号）', 'Item number in the course list'),
      admin: { condition: showFor('session'), description: localizedLabel('填清单里这次线下活动的序号，例如第 3 课填 3。', 'The item’s number.') },
    },
    { name: 'event', type: 'relationship', relationTo: 'events', label: localizedLabel('讲座或活动', 'Event'), admin: { condition: showFor('event') } },
    { name: 'intro', type: 'textarea', maxLength: surveyLimits.intro, label: localizedLabel('开头说明（选填）', 'Introduction') },
    {
      name: 'questions',
      type: 'array',
      required: true,
      minRows: SURVEY_QUESTION_COUNT,
      maxRows: SURVEY_QUESTION_COUNT,
      defaultValue: defaultSurveyQuestions.map((text) => ({ text })),
      label: localizedLabel('五个打分题（1～5 分）', 'Five 1–5 questions'),
      labels: { singular: localizedLabel('题目', 'Question'), plural: localizedLabel('题目', 'Questions') },
      fields: [{ name: 'text', type: 'text', required: true, maxLength: surveyLimits.question, label: localizedLabel('题目', 'Question') }],
    },
    {
      name: 'freeTextQuestion',
      type: 'text',
      required: true,
      maxLength: surveyLimits.question,
      defaultValue: DEFAULT_FREE_TEXT_QUESTION,
      label: localizedLabel('文字题', 'Free-text question'),
    },
    {
      name: 'requiresCode',
      type: 'checkbox',
      defaultValue: false,
      label: localizedLabel('必须填写一次性码', 'Every answer needs a one-time code'),
      admin: {
        description: localizedLabel('勾选后，只有拿到打印的一次性码的家长才能提交，每个码只能用一次。', 'Only parents with a printed code can answer.'),
      },
    },
    {
      name: 'codeCount',
      type: 'number',
      min: 0,
      max: surveyLimits.codesPerSurvey,
      defaultValue: 0,
      label: localizedLabel('一次性码数量', 'Number of one-time codes'),
      admin: {
        description: localizedLabel(
          `保存后生成这么多个一次性码（最多 ${surveyLimits.codesPerSurvey} 个，只增不减），在 /api/surveys/<编号>/codes 打印，随签到表发给家长。`,
          'Codes are generated on save and printed from the codes page.',
        ),
      },
    },
    slugField(),
  ],
}
