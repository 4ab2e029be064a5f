import { describe, expect, it } from 'vitest'
import type { LessonPlan } from '../../payload-types'
import { fakeRecordLookups } from '../testing/fakeRecordLookups'
import { fieldMismatchOf } from '../testing/fieldMismatchOf'
import { richText } from '../testing/richText'
import { LessonPlans } from './index'
import { lessonPlanToPublicRecord } from './toPublicRecord'

const lessonPlan = {
  id: 41,
  title: '入园适应家长会',
  lesson: 7,
  grade: 'k1',
  durationMinutes: 60,
  objectives: [
    { id: 'o1', text: '家长了解分离焦虑' },
    { id: 'o2', text: '约定告别方式' },
  ],
  preparation: '准备签到表。',
  materials: [{ id: 'm1', text: '签到表' }],
  steps: [{ id: 's1', minutes: 20, activity: '破冰 <游戏>', teacherActions: '介绍流程', parentActions: '自我介绍' }],
  handoutContent: richText('回家后每天道别一次。'),
  handouts: [81],
  evaluation: '会后问卷。',
  slug: 'k1-03-plan',
  reviewState: 'approved',
  reviewNote: null,
  submittedBy: null,
  submittedAt: null,
  createdBy: null,
  updatedAt: '2026-03-04T08:00:00.000Z',
  createdAt: '2026-02-04T08:00:00.000Z',
  _status: 'published',
} satisfies LessonPlan

const lookups = fakeRecordLookups({
  themes: { 11: { slug: 'emotions', name: '情绪' } },
  records: { 'lessons:7': 'lesson:k1-03-separation' },
  lessonThemes: { 7: [11] },
})

describe('lessonPlanToPublicRecord', () => {
  it('maps every field of a published lesson plan to its record, with the themes of its lesson', () => {
    expect(lessonPlanToPublicRecord(lessonPlan, lookups)).toEqual({
      id: 'lesson-plan:k1-03-plan',
      type: 'lesson-plan',
      slug: 'k1-03-plan',
      url: '/plans/k1-03-plan/',
      title: '入园适应家长会',
      summary: '家长了解分离焦虑；约定告别方式',
      bodyText: ['准备签到表。', '破冰 <游戏>', '介绍流程', '自我介绍', '回家后每天道别一次。', '会后问卷。'].join('\n'),
      stages: ['kindergarten'],
      grades: ['k1'],
      gradeOrder: 1,
      themes: ['emotions'],
      themeNames: ['情绪'],
      audience: ['teachers'],
      category: null,
      durationMinutes: 60,
      familySituations: [],
      publishedAt: '2026-03-04T08:00:00.000Z',
      sequence: null,
      month: null,
      occasion: null,
      sections: [
        { key: 'objectives', heading: '活动目标', html: '<ul><li>家长了解分离焦虑</li><li>约定告别方式</li></ul>' },
        { key: 'preparation', heading: '课前准备', html: '<p>准备签到表。</p>' },
        { key: 'materials', heading: '材料', html: '<ul><li>签到表</li></ul>' },
        {
          key: 'steps',
          heading: '活动流程',
          html: '<ol><li><strong>破冰 &lt;游戏&gt;（20 分钟）</strong><p>教师：介绍流程</p><p>家长：自我介绍</p></li></ol>',
        },
        { key: 'handout', heading: '家长学习单', html: '<p>回家后每天道别一次。</p>' },
        { key: 'evaluation', heading: '效果评估', html: '<p>会后问卷。</p>' },
      ],
      related: ['lesson:k1-03-separation'],
      presenter: null,
      video: null,
    })
  })

  it('maps nothing of a draft', () => {
    expect(lessonPlanToPublicRecord({ ...lessonPlan, _status: 'draft' }, lookups)).toBeUndefined()
  })

  it('has a fixture with exactly the fields of the collection, so a renamed field fails here too', () => {
    expect(fieldMismatchOf(LessonPlans, lessonPlan)).toEqual({ missingFromFixture: [], notInCollection: [] })
  })
})
