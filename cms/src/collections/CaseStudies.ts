import type { CollectionConfig } from 'payload'
import { caseSourceTypes, familySituations, grades, stages } from '@gongyu/search/vocabulary'
import { codeSelect } from '../fields/codeSelect'
import { slugField } from '../fields/slugField'
import { themesField } from '../fields/themesField'
import { workflowFields } from '../fields/workflowFields'
import { checkCaseStudyPrivacy } from '../hooks/checkCaseStudyPrivacy'
import { fillSlug } from '../hooks/fillSlug'
import { rejectDuplicates } from '../hooks/rejectDuplicates'
import { localizedLabel } from '../i18n/localizedLabel'
import { contentCollectionDefaults } from './contentCollection'

/** The four sections of a case, in the order readers meet them. */
export const caseStudySections = [
  { name: 'background', label: '背景', english: 'Background' },
  { name: 'problem', label: '问题描述', english: 'Problem' },
  { name: 'strategy', label: '解决策略', english: 'Strategy' },
  { name: 'outcome', label: '结果评估', english: 'Outcome evaluation' },
] as const

/** 典型案例: an anonymized case, checked for personal information on every save. */
export const CaseStudies: CollectionConfig = {
  slug: 'case-studies',
  labels: { singular: localizedLabel('典型案例', 'Case study'), plural: localizedLabel('典型案例', 'Case studies') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'stage', 'sourceType', 'region', 'reviewState', '_status'],
    group: localizedLabel('课程资源', 'Course bank'),
  },
  ...contentCollectionDefaults,
  hooks: {
    ...contentCollectionDefaults.hooks,
    beforeValidate: [
      fillSlug,
      checkCaseStudyPrivacy,
      rejectDuplicates({
        collection: 'case-studies',
        fields: ['slug'],
        message: (values, existing) => `网址标识「${String(values.slug)}」已被案例《${String(existing.title)}》使用，请换一个。`,
      }),
    ],
  },
  fields: [
    { name: 'title', type: 'text', required: true, label: localizedLabel('标题', 'Title'), maxLength: 80 },
    themesField(),
    {
      type: 'row',
      fields: [
        codeSelect({ name: 'stage', label: '学段', englishLabel: 'Stage', vocabulary: stages, required: true }),
        codeSelect({ name: 'grades', label: '年级', englishLabel: 'Grades', vocabulary: grades, hasMany: true }),
      ],
    },
    ...caseStudySections.map((section) => ({
      name: section.name,
      type: 'richText' as const,
      required: true,
      label: localizedLabel(section.label, section.english),
    })),
    {
      type: 'row',
      fields: [
        codeSelect({ name: 'sourceType', label: '案例来源', englishLabel: 'Source type', vocabulary: caseSourceTypes, required: true }),
        {
          name: 'region',
          type: 'text',
          required: true,
          label: localizedLabel('地区（到县级）', 'Region (county level)'),
          admin: { description: localizedLabel('例如“四川省某县”，不写乡镇、村或学校名称。', 'Province and county only.') },
        },
      ],
    },
    codeSelect({ name: 'familySituations', label: '家庭情况', englishLabel: 'Family situations', vocabulary: familySituations, hasMany: true }),
    slugField(),
    ...workflowFields(),
  ],
}
