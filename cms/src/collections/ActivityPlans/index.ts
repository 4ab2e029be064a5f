import { contentLimits, occasions, stages } from '@gongyu/contract'
import { codeSelect } from '../../fields/codeSelect'
import { textList } from '../../fields/textList'
import { requireExistingUploads } from '../../hooks/requireExistingUploads'
import { localizedLabel } from '../../i18n/localizedLabel'
import { contentCollection } from '../contentCollection'

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
        { name: 'month', type: 'number', required: true, ...contentLimits.activityPlan.month, label: localizedLabel('月份', 'Month') },
        codeSelect({ name: 'stages', label: '适用学段', englishLabel: 'Stages', vocabulary: stages, hasMany: true, required: true }),
      ],
    },
    { name: 'overview', type: 'richText', required: true, label: localizedLabel('活动概述', 'Overview'), hooks: { beforeValidate: [requireExistingUploads] } },
    textList({ name: 'goals', label: '活动目标', englishLabel: 'Goals', itemLabel: '目标', ...contentLimits.activityPlan.goals, required: true }),
    {
      name: 'steps',
      type: 'array',
      required: true,
      ...contentLimits.activityPlan.steps,
      label: localizedLabel('活动步骤', 'Steps'),
      fields: [
        { name: 'title', type: 'text', required: true, label: localizedLabel('步骤', 'Step') },
        { name: 'detail', type: 'textarea', required: true, label: localizedLabel('具体做法', 'Detail') },
      ],
    },
    textList({ name: 'materials', label: '材料', englishLabel: 'Materials', itemLabel: '材料', ...contentLimits.activityPlan.materials }),
    textList({
      name: 'safetyNotes',
      label: '安全提示',
      englishLabel: 'Safety notes',
      itemLabel: '提示',
      ...contentLimits.activityPlan.safetyNotes,
      required: true,
    }),
  ],
})
