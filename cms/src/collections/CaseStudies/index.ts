import { caseSourceTypes, familySituations, grades, stages } from '@gongyu/contract'
import { codeSelect } from '../../fields/codeSelect'
import { themesField } from '../../fields/themesField'
import { requireExistingUploads } from '../../hooks/requireExistingUploads'
import { localizedLabel } from '../../i18n/localizedLabel'
import { contentCollection } from '../contentCollection'
import { caseStudySections } from './caseStudySections'

/** 典型案例: an anonymized case, checked for personal information on every save. */
export const CaseStudies = contentCollection({
  slug: 'case-studies',
  label: '典型案例',
  englishSingular: 'Case study',
  englishPlural: 'Case studies',
  defaultColumns: ['title', 'stage', 'sourceType', 'region', 'reviewState', '_status'],
  fields: [
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
      hooks: { beforeValidate: [requireExistingUploads] },
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
  ],
})
