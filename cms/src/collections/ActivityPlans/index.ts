import { occasions, stages } from '@gongyu/search/vocabulary'
import { codeSelect } from '../fields/codeSelect'
import { textList } from '../fields/textList'
import { requireExistingUploads } from '../hooks/requireExistingUploads'
import { localizedLabel } from '../i18n/localizedLabel'
import { contentCollection } from './contentCollection'

/** 活动方案: a family activity for a festival or school milestone. */
export const ActivityPlans = contentCollection({
  slug: 'activity-plans',
  label: '活动方案',
  englishSingular: 'Activity plan',
  englishPlural: 'Activity plans',
  defaultColumns: ['title', 'occasion', 'month', 'reviewState', '_status'],
  fields: [
    {
      type: 'row',
      fields: [
        codeSelect({ name: 'occasion', label: '节日或节点', englishLabel: 'Occasion', vocabulary: occasions, required: true }),
        { name: 'month', type: 'number', required: true, min: 1, max: 12, label: localizedLabel('月份', 'Month') },
        codeSelect({ name: 'stages', label: '适用学段', englishLabel: 'Stages', vocabulary: stages, hasMany: true, required: true }),
      ],
    },
    { name: 'overview', type: 'richText', required: true, label: localizedLabel('活动概述', 'Overview'), hooks: { beforeValidate: [requireExistingUploads] } },
    textList({ name: 'goals', label: '活动目标', englishLabel: 'Goals', itemLabel: '目标', minRows: 1, maxRows: 6, required: true }),
    {
      name: 'steps',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: 12,
      label: localizedLabel('活动步骤', 'Steps'),
      fields: [
        { name: 'title', type: 'text', required: true, label: localizedLabel('步骤', 'Step') },
        { name: 'detail', type: 'textarea', required: true, label: localizedLabel('具体做法', 'Detail') },
      ],
    },
    textList({ name: 'materials', label: '材料', englishLabel: 'Materials', itemLabel: '材料', maxRows: 20 }),
    textList({ name: 'safetyNotes', label: '安全提示', englishLabel: 'Safety notes', itemLabel: '提示', minRows: 1, maxRows: 8, required: true }),
  ],
})
