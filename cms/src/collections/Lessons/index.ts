import { audiences, categories, contentLimits, gradeByCode, grades, isLessonOrder, LESSON_ORDER_DECIMALS, stages } from '@gongyu/contract'
import { codeSelect } from '../../fields/codeSelect'
import { textList } from '../../fields/textList'
import { themesField } from '../../fields/themesField'
import { validateOnEverySave } from '../../fields/validateOnEverySave'
import { fillStageFromGrade } from './hooks/fillStageFromGrade'
import { coreLabel, limitCoreLessons } from './hooks/limitCoreLessons'
import { rejectDuplicates } from '../../hooks/rejectDuplicates'
import { requireExistingUploads } from '../../hooks/requireExistingUploads'
import { localizedLabel } from '../../i18n/localizedLabel'
import { contentCollection } from '../contentCollection'

const { sequence } = contentLimits.lesson
const sequenceLabel = localizedLabel('课序号', 'Teaching order')

function validateSequence(value: number | null | undefined): true | string {
  return (
    isLessonOrder(value) ||
    `课序号应为 ${sequence.min} 到 ${sequence.max} 之间的数，最多 ${LESSON_ORDER_DECIMALS} 位小数（例如 21，或插在第 5 课和第 6 课之间的 5.5）。`
  )
}

/**
 * 专题课程: the graded bank, any number of lessons per grade in teaching order,
 * up to 20 published of them a grade marked core, plus the special-needs track.
 */
export const Lessons = contentCollection({
  slug: 'lessons',
  label: '专题课程',
  englishSingular: 'Lesson',
  englishPlural: 'Lessons',
  defaultColumns: ['title', 'grade', 'sequence', 'core', 'category', 'reviewState', '_status'],
  indexes: [{ fields: ['grade', 'sequence'], unique: true }],
  beforeValidate: [
    fillStageFromGrade,
    rejectDuplicates({
      collection: 'lessons',
      fields: ['grade', 'sequence'],
      label: sequenceLabel,
      message: (values, existing) =>
        `${gradeByCode(String(values.grade))?.label ?? String(values.grade)}已有第 ${String(values.sequence)} 课《${String(existing.title)}》。同一年级的课序号不能重复。`,
    }),
    limitCoreLessons,
  ],
  fields: [
    {
      type: 'row',
      fields: [
        codeSelect({ name: 'grade', label: '年级', englishLabel: 'Grade', vocabulary: grades, required: true }),
        {
          name: 'sequence',
          type: 'number',
          required: true,
          ...sequence,
          label: sequenceLabel,
          admin: {
            description: localizedLabel(
              '本年级内的教学顺序，小的在前，不能重复。新课接着往后编（21、22…）；要插在第 5 课和第 6 课之间，填 5.5。',
              'Teaching order within the grade, unique; 5.5 goes between 5 and 6.',
            ),
          },
          validate: validateSequence,
          hooks: { beforeValidate: [validateOnEverySave(validateSequence)] },
        },
        codeSelect({
          name: 'stage',
          label: '学段',
          englishLabel: 'Stage',
          vocabulary: stages,
          admin: { readOnly: true, description: localizedLabel('由年级自动确定', 'Derived from the grade') },
        }),
      ],
    },
    {
      name: 'core',
      type: 'checkbox',
      defaultValue: false,
      label: coreLabel,
      admin: {
        description: localizedLabel(
          `区域计划要求每个年级 ${contentLimits.coreLessonsPerGrade} 节专题课（一年20课）。勾选的课在年级页上排在最前面。每个年级最多发布 ${contentLimits.coreLessonsPerGrade} 节核心课；草稿可以先勾选，发布时再检查。`,
          `Regional plans ask for ${contentLimits.coreLessonsPerGrade} lessons a grade; at most ${contentLimits.coreLessonsPerGrade} published core lessons per grade, listed first on the grade page.`,
        ),
      },
    },
    {
      type: 'row',
      fields: [
        codeSelect({ name: 'category', label: '课程类别', englishLabel: 'Category', vocabulary: categories, required: true }),
        codeSelect({ name: 'audience', label: '适用对象', englishLabel: 'Audience', vocabulary: audiences, hasMany: true, required: true }),
        {
          name: 'durationMinutes',
          type: 'number',
          required: true,
          ...contentLimits.lesson.durationMinutes,
          label: localizedLabel('时长（分钟）', 'Duration (minutes)'),
        },
      ],
    },
    themesField(),
    { name: 'summary', type: 'textarea', required: true, label: localizedLabel('摘要', 'Summary'), ...contentLimits.lesson.summary },
    textList({
      name: 'objectives',
      label: '学习目标',
      englishLabel: 'Learning objectives',
      itemLabel: '目标',
      ...contentLimits.lesson.objectives,
      required: true,
    }),
    { name: 'body', type: 'richText', required: true, label: localizedLabel('正文', 'Body'), hooks: { beforeValidate: [requireExistingUploads] } },
    {
      name: 'practiceActivity',
      type: 'group',
      label: localizedLabel('亲子练习', 'Parent–child practice'),
      fields: [
        { name: 'title', type: 'text', required: true, label: localizedLabel('练习名称', 'Title') },
        {
          name: 'instructions',
          type: 'richText',
          required: true,
          label: localizedLabel('做法', 'Instructions'),
          hooks: { beforeValidate: [requireExistingUploads] },
        },
      ],
    },
    textList({
      name: 'reflectionQuestions',
      label: '反思问题',
      englishLabel: 'Reflection questions',
      itemLabel: '问题',
      ...contentLimits.lesson.reflectionQuestions,
    }),
    {
      type: 'collapsible',
      label: localizedLabel('相关资源', 'Related resources'),
      fields: [
        {
          name: 'relatedMicroLessons',
          type: 'relationship',
          relationTo: 'micro-lessons',
          hasMany: true,
          label: localizedLabel('相关微课', 'Related micro-lessons'),
        },
        {
          name: 'relatedCaseStudies',
          type: 'relationship',
          relationTo: 'case-studies',
          hasMany: true,
          label: localizedLabel('相关案例', 'Related case studies'),
        },
        { name: 'lessonPlan', type: 'relationship', relationTo: 'lesson-plans', label: localizedLabel('配套教案', 'Lesson plan') },
      ],
    },
  ],
})
