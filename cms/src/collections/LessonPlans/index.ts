import { contentLimits, grades } from '@gongyu/contract'
import { codeSelect } from '../../fields/codeSelect'
import { textList } from '../../fields/textList'
import { requireExistingUploads } from '../../hooks/requireExistingUploads'
import { localizedLabel } from '../../i18n/localizedLabel'
import { contentCollection } from '../contentCollection'

/** 教案: a runnable parent-session plan for the teacher or 班主任 who leads it. */
export const LessonPlans = contentCollection({
  slug: 'lesson-plans',
  label: '教案',
  englishSingular: 'Lesson plan',
  englishPlural: 'Lesson plans',
  defaultColumns: ['title', 'grade', 'durationMinutes', 'reviewState', '_status'],
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'lesson', type: 'relationship', relationTo: 'lessons', required: true, label: localizedLabel('服务的课程', 'Lesson') },
        codeSelect({ name: 'grade', label: '年级', englishLabel: 'Grade', vocabulary: grades, required: true }),
        {
          name: 'durationMinutes',
          type: 'number',
          required: true,
          ...contentLimits.lessonPlan.durationMinutes,
          label: localizedLabel('时长（分钟）', 'Duration (minutes)'),
        },
      ],
    },
    textList({ name: 'objectives', label: '活动目标', englishLabel: 'Objectives', itemLabel: '目标', ...contentLimits.lessonPlan.objectives, required: true }),
    { name: 'preparation', type: 'textarea', required: true, label: localizedLabel('课前准备', 'Preparation') },
    textList({ name: 'materials', label: '材料', englishLabel: 'Materials', itemLabel: '材料', ...contentLimits.lessonPlan.materials }),
    {
      name: 'steps',
      type: 'array',
      required: true,
      ...contentLimits.lessonPlan.steps,
      label: localizedLabel('活动流程', 'Timed steps'),
      labels: { singular: localizedLabel('环节', 'Step'), plural: localizedLabel('活动流程', 'Steps') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'minutes', type: 'number', required: true, ...contentLimits.lessonPlan.stepMinutes, label: localizedLabel('分钟', 'Minutes') },
            { name: 'activity', type: 'text', required: true, label: localizedLabel('环节', 'Activity') },
          ],
        },
        { name: 'teacherActions', type: 'textarea', required: true, label: localizedLabel('教师做什么', 'What the teacher does') },
        { name: 'parentActions', type: 'textarea', required: true, label: localizedLabel('家长做什么', 'What parents do') },
      ],
    },
    { name: 'handoutContent', type: 'richText', label: localizedLabel('家长学习单', 'Handout'), hooks: { beforeValidate: [requireExistingUploads] } },
    { name: 'handouts', type: 'upload', relationTo: 'media', hasMany: true, label: localizedLabel('学习单文件（PDF）', 'Handout files (PDF)') },
    { name: 'evaluation', type: 'textarea', required: true, label: localizedLabel('效果评估', 'Evaluation') },
  ],
})
