import { contentLimits, grades } from '@gongyu/contract'
import { codeSelect } from '../../fields/codeSelect'
import { themesField } from '../../fields/themesField'
import { rejectInventedPresenter } from './hooks/rejectInventedPresenter'
import { localizedLabel } from '../../i18n/localizedLabel'
import { contentCollection } from '../contentCollection'

/** 微课: a short video for parents, tied to a lesson. */
export const MicroLessons = contentCollection({
  slug: 'micro-lessons',
  label: '微课',
  englishSingular: 'Micro-lesson',
  englishPlural: 'Micro-lessons',
  defaultColumns: ['title', 'grades', 'durationSeconds', 'reviewState', '_status'],
  beforeValidate: [rejectInventedPresenter],
  fields: [
    { name: 'video', type: 'upload', relationTo: 'videos', label: localizedLabel('视频', 'Video') },
    {
      name: 'durationSeconds',
      type: 'number',
      required: true,
      ...contentLimits.microLesson.durationSeconds,
      label: localizedLabel('时长（秒）', 'Duration (seconds)'),
    },
    { name: 'poster', type: 'upload', relationTo: 'media', label: localizedLabel('封面图', 'Poster') },
    { name: 'captions', type: 'upload', relationTo: 'captions', label: localizedLabel('字幕（WebVTT）', 'Captions (WebVTT)') },
    { name: 'transcript', type: 'textarea', required: true, label: localizedLabel('逐字稿', 'Transcript') },
    codeSelect({ name: 'grades', label: '年级', englishLabel: 'Grades', vocabulary: grades, hasMany: true, required: true }),
    themesField(),
    { name: 'lesson', type: 'relationship', relationTo: 'lessons', required: true, label: localizedLabel('所属课程', 'Lesson') },
    {
      name: 'presenter',
      type: 'text',
      required: true,
      label: localizedLabel('主讲', 'Presenter'),
      admin: { description: localizedLabel('填写机构或角色，例如“县家长学校讲师团”，不写个人姓名。', 'An organization or role, never a person’s name.') },
    },
  ],
})
